"""MkDocs glue: connects the build to the kelisim package. Logic lives in the package."""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kelisim import build
from kelisim.problems import CourseError


# After static-i18n (-100) has set the language of this pass.
@event_priority(-200)
def on_config(config):
    try:
        return build.configure(config)
    except CourseError as error:
        raise PluginError(error.report()) from None


def on_page_markdown(markdown, page, config, files):
    return build.page_markdown(markdown, page, config)


# After static-i18n (-100) has built the other languages from inside this event.
@event_priority(-200)
def on_post_build(config):
    try:
        build.finish(config)
    except CourseError as error:
        raise PluginError(error.report()) from None
