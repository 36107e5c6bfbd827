"""The format modules: each lays out a resolved theme as one kind of file.

Every module takes the resolved table (``Resolved``) plus the theme's name and description,
never a ``Theme``: ``convert`` turns CSS values into typed token values, and ``scss``,
``dtcg`` and ``tailwind`` only arrange them. The registry of formats by name is
``livery.theme.formats``.
"""
