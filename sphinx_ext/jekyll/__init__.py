"""Import a Jekyll notes blog: posts in several languages become MyST notes and catalogs."""
