"""``livery component dev``: the playground, rebuilt and pushed to the page on every save.

``watch`` turns file-system events into kinds of change (style, js, python), debounced and
coalesced; ``rebuild`` runs one build at a time and keeps the errors of each kind; ``events``
pushes the results to every open page over Server-Sent Events; ``server`` ties them to the
playground application. The page's ``static/dev.js`` swaps the CSS, remounts the stories or
reloads, and shows the current errors as an overlay.

The package imports nothing itself (``DevServer`` is in ``server``): the worker process
(``worker``) is in this package too, and each one starts a Python reload, so it must not pay
for the watcher, the proxy and the rebuilder it never uses.
"""
