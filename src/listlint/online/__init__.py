"""Online checks (``--online``): whether links work and whether linked repositories are alive.

Nothing here is imported by an offline run. The pipeline hands the parsed documents to
:class:`listlint.online.run.OnlineRun`, which picks the URLs to check, asks the cache, the web
(:mod:`listlint.online.http`) and GitHub (:mod:`listlint.online.repositories`) in one batch, and
returns :class:`listlint.online.facts.OnlineFacts`, which the LL6xx rules read from their
``Context``.
"""
