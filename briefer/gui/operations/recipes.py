"""Saved briefings: save, list, load (optionally moved to the newest data), rename, delete."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.gui.operations.export import Composition

if TYPE_CHECKING:
    from briefer.core.recipes import Recipe
    from briefer.core.store.db import Store


@dataclass(frozen=True)
class SaveRequest:
    name: str
    composition: Composition


def save_recipe(store: Store, request: SaveRequest) -> tuple[str, ...]:
    """Save (or replace) the composition under `name`; returns the saved names."""
    from briefer.core import recipes

    store.require_writable("ro-recipes")
    comp = request.composition
    recipes.save(store, request.name, recipes.Recipe(comp.selection, comp.template, comp.options))
    return tuple(recipes.names(store))


def list_recipes(store: Store, _: object = None) -> tuple[str, ...]:
    from briefer.core import recipes

    return tuple(recipes.names(store))


@dataclass(frozen=True)
class LoadRequest:
    name: str
    refresh: bool = False  # move the period to end on the newest data ("this week's update")


def load_recipe(store: Store, request: LoadRequest) -> Composition:
    from briefer.core import recipes
    from briefer.core.store import reads

    recipe: Recipe = recipes.load(store, request.name)
    if request.refresh:
        span = reads.event_date_range(store)
        if span is not None:
            recipe = recipes.refreshed(recipe, span[1])
    return Composition(recipe.selection, recipe.template, recipe.options)


@dataclass(frozen=True)
class RenameRequest:
    old: str
    new: str


def rename_recipe(store: Store, request: RenameRequest) -> tuple[str, ...]:
    from briefer.core import recipes

    store.require_writable("ro-recipes")
    recipes.rename(store, request.old, request.new)
    return tuple(recipes.names(store))


def delete_recipe(store: Store, name: str) -> tuple[str, ...]:
    from briefer.core import recipes

    store.require_writable("ro-recipes")
    recipes.delete(store, name)
    return tuple(recipes.names(store))


