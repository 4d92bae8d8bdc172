"""Parts of a page too big for its view module: each renders one section with Streamlit."""
