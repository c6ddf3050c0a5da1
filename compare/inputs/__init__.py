"""Reading a corpus: which files (`walk`), their bytes as text (`decoding`), and each format's
articles: plain text and Markdown with a metadata footer (`text`), saved web pages (`html`),
JSON-lines feeds (`feeds`). `compare.articles` puts them together."""
