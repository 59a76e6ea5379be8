"""Recipes (bills of materials): what makes ``yield_quantity`` base units of a product.

A recipe is never edited: saving a change makes the next version, and each batch keeps the version it used.
A recipe whose product goes into itself, directly or through the current recipe of one of its ingredients
(seasoned powder → shrimp paste → … → seasoned powder), is refused.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import peewee as pw

from db.models import Item, database
from db.models.production import Recipe, RecipeLine
from pos_app.clock import utc_now
from pos_app.errors import InputError, NotFound
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.trust.journal import record


@dataclass(frozen=True)
class Ingredient:
    item_id: int
    quantity: int  # base units per recipe yield


@dataclass(frozen=True)
class RecipeView:
    id: int
    uuid: uuid.UUID
    product_id: int
    version: int
    yield_quantity: int
    lines: tuple[Ingredient, ...]
    note: str


def _view(recipe: Recipe) -> RecipeView:
    lines = tuple(Ingredient(ln.item_id, int(ln.quantity))
                  for ln in RecipeLine.select().where(RecipeLine.recipe == recipe).order_by(RecipeLine.line_no))
    return RecipeView(recipe.id, recipe.uuid, recipe.product_id, int(recipe.version), int(recipe.yield_quantity),
                      lines, recipe.note)


def current(product_id: int) -> RecipeView | None:
    """The newest version of a product's recipe, if it has one."""
    recipe = Recipe.select().where(Recipe.product == product_id).order_by(Recipe.version.desc()).first()
    return None if recipe is None else _view(recipe)


def get(recipe_id: int) -> RecipeView:
    recipe = Recipe.get_or_none(Recipe.id == recipe_id)
    if recipe is None:
        raise NotFound("No recipe with id {id}", id=recipe_id)
    return _view(recipe)


def versions(product_id: int) -> list[RecipeView]:
    return [_view(r) for r in Recipe.select().where(Recipe.product == product_id).order_by(Recipe.version)]


def _goes_into(product_id: int, ingredient_ids: list[int]) -> list[int] | None:
    """The path by which ``product_id`` is an ingredient of itself through these ingredients, if any."""
    stack = [(i, [i]) for i in ingredient_ids]
    seen: set[int] = set()
    while stack:
        item_id, path = stack.pop()
        if item_id == product_id:
            return path
        if item_id in seen:
            continue
        seen.add(item_id)
        sub = current(item_id)
        if sub is not None:
            stack.extend((ln.item_id, [*path, ln.item_id]) for ln in sub.lines)
    return None


def save_recipe(actor: Actor, product_id: int, yield_quantity: int, lines: list[Ingredient],
                note: str = "") -> RecipeView:
    """Save a new version of the product's recipe (version 1 if it has none)."""
    require(actor.role, Action.PRODUCE)
    if yield_quantity <= 0:
        raise InputError("A recipe's yield must be more than zero")
    if not lines:
        raise InputError("A recipe needs at least one ingredient")
    if any(ln.quantity <= 0 for ln in lines):
        raise InputError("A quantity must be more than zero")
    if len({ln.item_id for ln in lines}) != len(lines):
        raise InputError("An ingredient is listed twice; give it once with the whole quantity")
    items = {i.id: i for i in Item.select().where(Item.id.in_([product_id, *(ln.item_id for ln in lines)]))}
    if product_id not in items:
        raise NotFound("No item with id {id}", id=product_id)
    for ln in lines:
        if ln.item_id not in items:
            raise NotFound("No item with id {id}", id=ln.item_id)
    path = _goes_into(product_id, [ln.item_id for ln in lines])
    if path is not None:
        names = " → ".join(Item.get_by_id(i).name_th for i in [product_id, *path])
        raise InputError("{product} cannot go into its own recipe ({path})", product=items[product_id].name_th,
                         path=names)
    when = utc_now()
    with database.atomic():
        last = Recipe.select(pw.fn.MAX(Recipe.version)).where(Recipe.product == product_id).scalar()
        recipe = Recipe.create(uuid=uuid.uuid4(), product=product_id, version=int(last or 0) + 1,
                               yield_quantity=yield_quantity, created_at=when, user=actor.user_id,
                               note=note.strip()[:500])
        RecipeLine.insert_many([dict(recipe=recipe, line_no=n, item=ln.item_id, quantity=ln.quantity)
                                for n, ln in enumerate(lines, start=1)]).execute()
        record("recipe", recipe.uuid, when, {
            "product": items[product_id].sku, "version": recipe.version, "yield": yield_quantity,
            "lines": [[items[ln.item_id].sku, ln.quantity] for ln in lines], "user": actor.login,
        }, user_id=actor.user_id)
    return _view(recipe)
