"""Shared test support: a real backend server on a free port, and a small world built through it."""
