# Resources ship inside the package as `hubdesk.resources` (see [tool.setuptools.package-dir]).
