extensions = ["sphinx_ext"]
ainotes_languages = ["en", "de"]
locale_dirs = ["locale/"]
gettext_compact = False
myst_title_to_header = True
smartquotes = False
html_theme = "furo"
