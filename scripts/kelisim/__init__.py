"""Kelisim: build tooling for the bilingual (ru/kk) Kelisim course.

Every function takes the course root (the folder with the course's mkdocs.yml) from its caller:
the command line finds it from the current folder or --config, the MkDocs hooks from the config path.
"""
