"""PDF and Excel renderers: plain data in, file out. No Qt, no database."""
