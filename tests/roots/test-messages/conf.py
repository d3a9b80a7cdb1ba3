extensions = ["sphinx_ext"]
ainotes_languages = ["en", "de"]
locale_dirs = ["locale/"]
gettext_compact = False
myst_enable_extensions = ["dollarmath", "deflist", "html_image"]
smartquotes = False
gettext_additional_targets = ["literal-block", "doctest-block", "raw", "image"]
myst_title_to_header = True
