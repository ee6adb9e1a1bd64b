"""One module per flow; each screen is a :class:`~pvz_app.screens.base.Screen`."""
