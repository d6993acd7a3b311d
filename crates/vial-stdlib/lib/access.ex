# Access: key-based access to maps and keyword lists, and the accessor
# functions for get_in/put_in/update_in paths (Elixir 1.14
# `lib/elixir/lib/access.ex`). A struct implements Access when its module
# defines fetch/2 (and get_and_update/3, pop/2), the Access behaviour.
defmodule Access do
  # The value for key in a map or keyword list, else default (nil data
  # gives default).
  def get(container, key), do: get(container, key, nil)

  def get(%{__struct__: module} = container, key, default) do
    case struct_call(module, :fetch, [container, key]) do
      {:ok, value} -> value
      :error -> default
    end
  end

  def get(map, key, default) when is_map(map) do
    case map do
      %{^key => value} -> value
      _ -> default
    end
  end

  def get(list, key, default) when is_list(list) and is_atom(key) do
    case :lists.keyfind(key, 1, list) do
      {_, value} -> value
      false -> default
    end
  end

  def get(list, key, _default) when is_list(list), do: raise_key(key)
  def get(nil, _key, default), do: default

  # {:ok, value} for key, else :error.
  def fetch(%{__struct__: module} = container, key),
    do: struct_call(module, :fetch, [container, key])

  def fetch(map, key) when is_map(map) do
    case map do
      %{^key => value} -> {:ok, value}
      _ -> :error
    end
  end

  def fetch(list, key) when is_list(list) and is_atom(key) do
    case :lists.keyfind(key, 1, list) do
      {_, value} -> {:ok, value}
      false -> :error
    end
  end

  def fetch(list, key) when is_list(list), do: raise_key(key)
  def fetch(nil, _key), do: :error

  # The value for key; KeyError when missing.
  def fetch!(container, key) do
    case fetch(container, key) do
      {:ok, value} -> value
      :error -> raise KeyError, key: key, term: container
    end
  end

  # {get, new container}: fun(current value) returns {get, new value} or
  # :pop.
  def get_and_update(%{__struct__: module} = container, key, fun),
    do: struct_call(module, :get_and_update, [container, key, fun])

  def get_and_update(map, key, fun) when is_map(map), do: Map.get_and_update(map, key, fun)
  def get_and_update(list, key, fun) when is_list(list), do: Keyword.get_and_update(list, key, fun)

  def get_and_update(nil, key, _fun),
    do: raise(ArgumentError, "could not put/update key #{inspect(key)} on a nil value")

  # {value, container without key}.
  def pop(%{__struct__: module} = container, key),
    do: struct_call(module, :pop, [container, key])

  def pop(map, key) when is_map(map), do: Map.pop(map, key)
  def pop(list, key) when is_list(list), do: Keyword.pop(list, key)
  def pop(nil, key), do: raise(ArgumentError, "could not pop key #{inspect(key)} on a nil value")

  defp raise_key(key) do
    raise ArgumentError,
          "the Access calls for keywords expect the key to be an atom, got: " <> inspect(key)
  end

  # A struct module's Access callback, or Elixir's UndefinedFunctionError
  # when it does not implement the behaviour.
  defp struct_call(module, function, args) do
    arity = length(args)
    if function_exported?(module, function, arity) do
      apply(module, function, args)
    else
      raise_undefined(module, function, arity)
    end
  end

  defp raise_undefined(module, function, arity) do
    reason =
      inspect(module) <>
        " does not implement the Access behaviour. " <>
        "If you are using get_in/put_in/update_in, you can specify the field " <>
        "to be accessed using Access.key!/1"

    raise UndefinedFunctionError,
      module: module,
      function: function,
      arity: arity,
      reason: reason,
      message:
        "function #{inspect(module)}.#{function}/#{arity} is undefined (#{reason})"
  end

  # Accessor of key in a map or struct (default when missing).
  def key(key, default \\ nil) do
    fn
      :get, data, next ->
        next.(Map.get(data, key, default))

      :get_and_update, data, next ->
        value = Map.get(data, key, default)

        case next.(value) do
          {get, update} -> {get, Map.put(data, key, update)}
          :pop -> {value, Map.delete(data, key)}
        end
    end
  end

  # Accessor of key in a map or struct; KeyError when missing.
  def key!(key) do
    fn
      :get, data, next when is_map(data) ->
        next.(Map.fetch!(data, key))

      :get_and_update, data, next when is_map(data) ->
        value = Map.fetch!(data, key)

        case next.(value) do
          {get, update} -> {get, Map.put(data, key, update)}
          :pop -> {value, Map.delete(data, key)}
        end

      _op, data, _next ->
        raise RuntimeError, "Access.key!/1 expected a map/struct, got: " <> inspect(data)
    end
  end

  # Accessor of the element at a zero-based index of a tuple.
  def elem(index) when is_integer(index) and index >= 0 do
    pos = index + 1

    fn
      :get, data, next when is_tuple(data) ->
        next.(:erlang.element(pos, data))

      :get_and_update, data, next when is_tuple(data) ->
        value = :erlang.element(pos, data)

        case next.(value) do
          {get, update} -> {get, :erlang.setelement(pos, data, update)}
          :pop -> raise RuntimeError, "cannot pop data from a tuple"
        end

      _op, data, _next ->
        raise RuntimeError, "Access.elem/1 expected a tuple, got: " <> inspect(data)
    end
  end

  # Accessor of every element of a list.
  def all, do: &all/3

  defp all(:get, data, next) when is_list(data), do: Enum.map(data, next)
  defp all(:get_and_update, data, next) when is_list(data), do: all(data, next, [], [])

  defp all(_op, data, _next),
    do: raise(RuntimeError, "Access.all/0 expected a list, got: " <> inspect(data))

  defp all([head | rest], next, gets, updates) do
    case next.(head) do
      {get, update} -> all(rest, next, [get | gets], [update | updates])
      :pop -> all(rest, next, [head | gets], updates)
    end
  end

  defp all([], _next, gets, updates), do: {:lists.reverse(gets), :lists.reverse(updates)}

  # Accessor of the element at a zero-based index of a list (nil if none).
  def at(index) when is_integer(index), do: fn op, data, next -> at(op, data, index, next) end

  defp at(:get, data, index, next) when is_list(data), do: next.(Enum.at(data, index))

  defp at(:get_and_update, data, index, next) when is_list(data),
    do: get_and_update_at(data, index, next, [], fn -> nil end)

  defp at(_op, data, _index, _next),
    do: raise(RuntimeError, "Access.at/1 expected a list, got: " <> inspect(data))

  # As at/1, raising Enum.OutOfBoundsError when the index is out of bounds.
  def at!(index) when is_integer(index), do: fn op, data, next -> at!(op, data, index, next) end

  defp at!(:get, data, index, next) when is_list(data) do
    case Enum.fetch(data, index) do
      {:ok, value} -> next.(value)
      :error -> raise Enum.OutOfBoundsError
    end
  end

  defp at!(:get_and_update, data, index, next) when is_list(data),
    do: get_and_update_at(data, index, next, [], fn -> raise Enum.OutOfBoundsError end)

  defp at!(_op, data, _index, _next),
    do: raise(RuntimeError, "Access.at!/1 expected a list, got: " <> inspect(data))

  defp get_and_update_at([head | rest], 0, next, updates, _default_fun) do
    case next.(head) do
      {get, update} -> {get, :lists.reverse([update | updates], rest)}
      :pop -> {head, :lists.reverse(updates, rest)}
    end
  end

  defp get_and_update_at([_ | _] = list, index, next, updates, default_fun) when index < 0 do
    list_length = length(list)

    if list_length + index >= 0,
      do: get_and_update_at(list, list_length + index, next, updates, default_fun),
      else: {default_fun.(), list}
  end

  defp get_and_update_at([head | rest], index, next, updates, default_fun) when index > 0,
    do: get_and_update_at(rest, index - 1, next, [head | updates], default_fun)

  defp get_and_update_at([], _index, _next, updates, default_fun),
    do: {default_fun.(), :lists.reverse(updates)}

  # Accessor of the elements of a list at the indexes of a range,
  # normalized as Enum.slice/2 does (negative indexes count from the end);
  # a negative step is an ArgumentError, raised when the accessor is made.
  def slice(%{__struct__: Range, step: step} = range) do
    if step < 0 do
      raise ArgumentError,
            "Access.slice/1 does not accept ranges with negative steps, got: " <> inspect(range)
    end

    fn op, data, next -> slice(op, data, range, next) end
  end

  defp slice(:get, data, range, next) when is_list(data),
    do: Enum.map(Enum.slice(data, range), next)

  defp slice(:get_and_update, data, range, next) when is_list(data) do
    indexes = Enum.slice(Enum.with_index(data), range) |> Enum.map(fn {_, i} -> i end)
    get_and_update_slice(data, 0, indexes, next, [], [])
  end

  defp slice(_op, data, _range, _next),
    do: raise(ArgumentError, "Access.slice/1 expected a list, got: " <> inspect(data))

  # Walks the list with the ascending indexes still to update.
  defp get_and_update_slice([head | rest], i, [i | indexes], next, gets, updates) do
    case next.(head) do
      {get, update} ->
        get_and_update_slice(rest, i + 1, indexes, next, [get | gets], [update | updates])

      :pop ->
        get_and_update_slice(rest, i + 1, indexes, next, [head | gets], updates)
    end
  end

  defp get_and_update_slice(rest, _i, [], _next, gets, updates),
    do: {:lists.reverse(gets), :lists.reverse(updates, rest)}

  defp get_and_update_slice([head | rest], i, indexes, next, gets, updates),
    do: get_and_update_slice(rest, i + 1, indexes, next, gets, [head | updates])

  # Accessor of the elements of a list for which func is truthy.
  def filter(func) when is_function(func),
    do: fn op, data, next -> filter(op, data, func, next) end

  defp filter(:get, data, func, next) when is_list(data),
    do: Enum.map(Enum.filter(data, func), next)

  defp filter(:get_and_update, data, func, next) when is_list(data),
    do: get_and_update_filter(data, func, next, [], [])

  defp filter(_op, data, _func, _next),
    do: raise(RuntimeError, "Access.filter/1 expected a list, got: " <> inspect(data))

  defp get_and_update_filter([head | rest], func, next, updates, gets) do
    if func.(head) do
      case next.(head) do
        {get, update} -> get_and_update_filter(rest, func, next, [update | updates], [get | gets])
        :pop -> get_and_update_filter(rest, func, next, updates, [head | gets])
      end
    else
      get_and_update_filter(rest, func, next, [head | updates], gets)
    end
  end

  defp get_and_update_filter([], _func, _next, updates, gets),
    do: {:lists.reverse(gets), :lists.reverse(updates)}
end
