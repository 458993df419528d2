"""The document model: one markdown-it parse of a file into nodes with source positions.

``parse`` (markdown-it set up like GitHub) → ``build`` (one walk over the block tokens, with
``inline`` positions and ``html`` anchors) → :class:`~listlint.model.nodes.Blocks` →
``entries`` and ``toc`` (read from the blocks) → :class:`~listlint.model.document.Document`.
"""
