"""Documents: reportlab PDFs and spreadsheets built as pure functions of read models.

This layer imports desktop.core and third-party libraries only (tests/test_architecture.py).
"""
