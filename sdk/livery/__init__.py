"""Livery: themes and custom components for Gradio-style machine-learning web apps.

    import livery
    theme = livery.themes.Soft(primary_hue="rose").set(button_primary_text_color="white")
    css = theme.css()

The names below load on first use, so importing a small part of Livery (the pytest plugin,
the command line's ``--help``) does not pay for the whole theme engine.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from livery.errors import (
    AnywidgetMissingError,
    AssetsMissingError,
    AuthoringMissingError,
    BuildError,
    BuildFolderError,
    ChromiumNotFoundError,
    ComponentDefinitionError,
    ComponentError,
    ContrastRepairError,
    CssError,
    CssFileError,
    CssImportError,
    CssWarning,
    DemoError,
    DocsError,
    FontUnavailableWarning,
    GalleryScriptError,
    GradioLegacyKeyWarning,
    GradioMissingError,
    GradioValueWarning,
    HandlerError,
    InvalidOptionError,
    InvalidValueError,
    JsonDepthError,
    LibsassMissingError,
    LiveryError,
    LiverySnapshotWarning,
    LiveryWarning,
    MissingTestingExtrasError,
    NodeNotFoundError,
    NotAColourError,
    NotBuiltError,
    OutputPathError,
    PayloadError,
    ProjectError,
    PropsError,
    PublishError,
    SassWarning,
    SceneError,
    ScssError,
    SeedError,
    SelectionError,
    ServerError,
    SnapshotMismatchError,
    TemplateError,
    ThemeBuilderError,
    ThemeError,
    ThemeFileError,
    ThemeReferenceError,
    UnknownCssVariableError,
    UnknownCssVariableWarning,
    UnknownThemeError,
    UnknownVariableError,
    UnsafeCssError,
    ValueCheckError,
)

if TYPE_CHECKING:
    from livery import themes
    from livery.component import Component
    from livery.theme import Theme, palette

__version__ = "0.1.0"

_LAZY = {
    "themes": ("livery.themes", None),
    "palette": ("livery.theme", "palette"),
    "Component": ("livery.component", "Component"),
    "Theme": ("livery.theme", "Theme"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'livery' has no attribute {name!r}")
    module_name, attribute = _LAZY[name]
    module = import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


__all__ = [
    "AnywidgetMissingError",
    "AssetsMissingError",
    "AuthoringMissingError",
    "BuildError",
    "BuildFolderError",
    "ChromiumNotFoundError",
    "Component",
    "ComponentDefinitionError",
    "ComponentError",
    "ContrastRepairError",
    "CssError",
    "CssFileError",
    "CssImportError",
    "CssWarning",
    "DemoError",
    "DocsError",
    "FontUnavailableWarning",
    "GalleryScriptError",
    "GradioLegacyKeyWarning",
    "GradioMissingError",
    "GradioValueWarning",
    "HandlerError",
    "InvalidOptionError",
    "InvalidValueError",
    "JsonDepthError",
    "LibsassMissingError",
    "LiveryError",
    "LiverySnapshotWarning",
    "LiveryWarning",
    "MissingTestingExtrasError",
    "NodeNotFoundError",
    "NotAColourError",
    "NotBuiltError",
    "OutputPathError",
    "PayloadError",
    "ProjectError",
    "PropsError",
    "PublishError",
    "SassWarning",
    "SceneError",
    "ScssError",
    "SeedError",
    "SelectionError",
    "ServerError",
    "SnapshotMismatchError",
    "TemplateError",
    "Theme",
    "ThemeBuilderError",
    "ThemeError",
    "ThemeFileError",
    "ThemeReferenceError",
    "UnknownCssVariableError",
    "UnknownCssVariableWarning",
    "UnknownThemeError",
    "UnknownVariableError",
    "UnsafeCssError",
    "ValueCheckError",
    "__version__",
    "palette",
    "themes",
]
