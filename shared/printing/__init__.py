"""Printable documents without Qt: ZPL for Zebra printers, report content."""
