# MapSet: sets of terms, kept as the keys of a map (Elixir 1.14
# `lib/elixir/lib/map_set.ex`). Enum enumerates them in map-key order;
# inspect shows `MapSet.new([...])`.
defmodule MapSet do
  defstruct map: %{}, version: 2

  # An empty set.
  def new, do: %MapSet{}

  # The set of an enumerable's elements.
  def new(%{__struct__: MapSet} = map_set), do: map_set
  def new(enumerable), do: from_keys(Enum.to_list(enumerable))

  # The set of transform(element) for each element.
  def new(enumerable, transform) when is_function(transform, 1),
    do: from_keys(Enum.map(enumerable, transform))

  defp from_keys(keys), do: %MapSet{map: Map.from_keys(keys, [])}

  # The set with value added.
  def put(%{__struct__: MapSet, map: map} = set, value), do: %{set | map: Map.put(map, value, [])}

  # The set without value.
  def delete(%{__struct__: MapSet, map: map} = set, value),
    do: %{set | map: Map.delete(map, value)}

  # Whether value is in the set.
  def member?(%{__struct__: MapSet, map: map}, value), do: is_map_key(map, value)

  # The number of elements.
  def size(%{__struct__: MapSet, map: map}), do: map_size(map)

  # The elements, in term order.
  def to_list(%{__struct__: MapSet, map: map}), do: Map.keys(map)

  # The elements of either set.
  def union(%{__struct__: MapSet, map: map1} = set, %{__struct__: MapSet, map: map2}),
    do: %{set | map: Map.merge(map1, map2)}

  # The elements of both sets.
  def intersection(%{__struct__: MapSet, map: map1} = set, %{__struct__: MapSet, map: map2}),
    do: %{set | map: Map.take(map1, Map.keys(map2))}

  # The elements of the first set not in the second.
  def difference(%{__struct__: MapSet, map: map1} = set, %{__struct__: MapSet, map: map2}),
    do: %{set | map: Map.drop(map1, Map.keys(map2))}

  # The elements in exactly one of the sets.
  def symmetric_difference(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    only1 = Map.drop(map1, Map.keys(map2))
    only2 = Map.drop(map2, Map.keys(map1))
    %MapSet{map: Map.merge(only1, only2)}
  end

  # Whether the sets have no element in common.
  def disjoint?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}),
    do: not Enum.any?(Map.keys(map1), fn key -> is_map_key(map2, key) end)

  # Whether every element of the first set is in the second.
  def subset?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}),
    do: map_size(map1) <= map_size(map2) and Enum.all?(Map.keys(map1), &is_map_key(map2, &1))

  # Whether the sets have the same elements.
  def equal?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}),
    do: map1 === map2

  # The elements for which fun is truthy.
  def filter(%{__struct__: MapSet, map: map}, fun) when is_function(fun),
    do: from_keys(Enum.filter(Map.keys(map), fun))

  # The elements for which fun is falsy.
  def reject(%{__struct__: MapSet, map: map}, fun) when is_function(fun),
    do: from_keys(Enum.reject(Map.keys(map), fun))
end
