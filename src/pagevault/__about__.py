"""Version numbers of the package and of the extractor that produced a snapshot."""

__version__ = "0.1.0"

# Bump when extraction output changes for the same input, so stored snapshots
# can be told apart from ones a newer extractor would produce.
PARSER_VERSION = "7"
