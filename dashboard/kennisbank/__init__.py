"""The kennisbank page's parts: the directory of initiatives and an initiative's card."""
