"""Documents from news files, the parts of :mod:`kg.readers` (its entry point, registry, plain text
and stdin): :mod:`~kg.documents.decoding` (bytes to text), :mod:`~kg.documents.fields` (headers,
dates, the Document and the report of problems), :mod:`~kg.documents.markup` (Markdown and HTML),
:mod:`~kg.documents.jsonl` (JSON lines) and :mod:`~kg.documents.urls` (fsspec inputs)."""
