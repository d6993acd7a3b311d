# Map: the Map functions that take functions or are built from others, as
# Elixir 1.14's `lib/elixir/lib/map.ex`. get/put/fetch/keys/values/merge/2,
# delete/take/drop/pop/put_new/from_struct/to_list and new/0 are BIFs.
defmodule Map do
  # A map from an enumerable of {key, value} pairs (later keys win).
  def new(list) when is_list(list), do: :maps.from_list(list)
  def new(%{__struct__: _} = struct), do: :maps.from_list(Enum.to_list(struct))
  def new(map) when is_map(map), do: map
  def new(enumerable), do: :maps.from_list(Enum.to_list(enumerable))

  # A map from an enumerable, each element turned into {key, value} by
  # transform.
  def new(enumerable, transform) when is_function(transform, 1),
    do: :maps.from_list(Enum.map(enumerable, transform))

  # A map with each of keys mapped to value.
  def from_keys(keys, value), do: :maps.from_list(Enum.map(keys, fn key -> {key, value} end))

  # The value for key, or fun.() when there is none.
  def get_lazy(map, key, fun) when is_function(fun, 0) do
    case map do
      %{^key => value} -> value
      other when is_map(other) -> fun.()
      other -> raise BadMapError, term: other
    end
  end

  # The map with key put to fun.() unless key is already there.
  def put_new_lazy(map, key, fun) when is_function(fun, 0) do
    case map do
      %{^key => _} -> map
      other when is_map(other) -> Map.put(map, key, fun.())
      other -> raise BadMapError, term: other
    end
  end

  # The map with key's value replaced by fun(value), or set to default when
  # key is missing.
  def update(map, key, default, fun) when is_function(fun, 1) do
    case map do
      %{^key => value} -> %{map | key => fun.(value)}
      other when is_map(other) -> Map.put(map, key, default)
      other -> raise BadMapError, term: other
    end
  end

  # The map with key's value replaced by fun(value); KeyError when missing.
  def update!(map, key, fun) when is_function(fun, 1) do
    value = Map.fetch!(map, key)
    %{map | key => fun.(value)}
  end

  # The map with key's value replaced, when key is present.
  def replace(map, key, value) do
    case map do
      %{^key => _} -> %{map | key => value}
      other when is_map(other) -> map
      other -> raise BadMapError, term: other
    end
  end

  # The map with key's value replaced; KeyError when missing.
  def replace!(map, key, value) do
    case map do
      %{^key => _} -> %{map | key => value}
      other when is_map(other) -> raise KeyError, key: key, term: map
      other -> raise BadMapError, term: other
    end
  end

  # The map with key's value replaced by fun(value), when key is present.
  def replace_lazy(map, key, fun) when is_map(map) and is_function(fun, 1) do
    case map do
      %{^key => value} -> %{map | key => fun.(value)}
      _ -> map
    end
  end

  # {value, map without key}; KeyError when missing.
  def pop!(map, key) do
    case map do
      %{^key => value} -> {value, Map.delete(map, key)}
      other when is_map(other) -> raise KeyError, key: key, term: map
      other -> raise BadMapError, term: other
    end
  end

  # {value, map without key}, or {fun.(), map} when missing.
  def pop_lazy(map, key, fun) when is_function(fun, 0) do
    case map do
      %{^key => value} -> {value, Map.delete(map, key)}
      other when is_map(other) -> {fun.(), map}
      other -> raise BadMapError, term: other
    end
  end

  # {get, new map}: fun(current value or nil) returns {get, new value} or
  # :pop.
  def get_and_update(map, key, fun) when is_function(fun, 1) do
    apply_get_and_update(map, key, Map.get(map, key), fun)
  end

  # As get_and_update/3, KeyError when key is missing.
  def get_and_update!(map, key, fun) when is_function(fun, 1) do
    apply_get_and_update(map, key, Map.fetch!(map, key), fun)
  end

  # The shared step of get_and_update/3 and get_and_update!/3: `current` is
  # the key's value, `fun` returns {get, new value} or :pop.
  defp apply_get_and_update(map, key, current, fun) do
    case fun.(current) do
      {get, update} ->
        {get, Map.put(map, key, update)}

      :pop ->
        {current, Map.delete(map, key)}

      other ->
        raise RuntimeError,
              "the given function must return a two-element tuple or :pop, got: " <>
                inspect(other)
    end
  end

  # The entries for which fun({key, value}) is truthy.
  def filter(map, fun) when is_map(map) and is_function(fun, 1),
    do: :maps.from_list(Enum.filter(map, fun))

  # The entries for which fun({key, value}) is falsy.
  def reject(map, fun) when is_map(map) and is_function(fun, 1),
    do: :maps.from_list(Enum.reject(map, fun))

  # The map with each value replaced by fun({key, value}) (deprecated).
  def map(map, fun) when is_map(map),
    do: :maps.from_list(Enum.map(map, fn {k, v} -> {k, fun.({k, v})} end))

  # map2 merged into map1, conflicts resolved by fun(key, value1, value2).
  def merge(map1, map2, fun) when is_function(fun, 3) do
    entries =
      Enum.map(Map.to_list(map2), fn {key, value2} = entry ->
        case map1 do
          %{^key => value1} -> {key, fun.(key, value1, value2)}
          _ -> entry
        end
      end)

    Map.merge(map1, :maps.from_list(entries))
  end

  # {map of the given keys that exist, map of the rest}.
  def split(map, keys) when is_map(map) and is_list(keys),
    do: {Map.take(map, keys), Map.drop(map, keys)}

  def split(map, keys) when is_map(map), do: split(map, Enum.to_list(keys))
  def split(non_map, _keys), do: raise(BadMapError, term: non_map)

  # Whether the two maps are strictly equal (===).
  def equal?(map1, map2) when is_map(map1) and is_map(map2), do: map1 === map2
  def equal?(map1, map2) when is_map(map1), do: raise(BadMapError, term: map2)
  def equal?(term, _other), do: raise(BadMapError, term: term)

  # The number of entries (deprecated; map_size/1).
  def size(map), do: map_size(map)
end
