# Keyword: lists of {atom, value} pairs, as Elixir 1.14's
# `lib/elixir/lib/keyword.ex`. Keys may repeat; lookups see the first.
defmodule Keyword do
  # An empty keyword list.
  def new, do: []

  # A keyword list from {key, value} pairs, the last of repeated keys winning.
  def new(pairs), do: new(pairs, fn pair -> pair end)

  # A keyword list from an enumerable, each element turned into {key, value}
  # by transform.
  def new(pairs, transform) when is_function(transform, 1) do
    fun = fn el, acc ->
      {k, v} = transform.(el)
      put_new(acc, k, v)
    end

    Enum.reduce(Enum.reverse(pairs), [], fun)
  end

  # Whether the term is a keyword list.
  def keyword?([{key, _value} | rest]) when is_atom(key), do: keyword?(rest)
  def keyword?([]), do: true
  def keyword?(_other), do: false

  # The value of the first entry for key, else default.
  def get(keywords, key), do: get(keywords, key, nil)

  def get(keywords, key, default) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> value
      false -> default
    end
  end

  # The value for key, else fun.().
  def get_lazy(keywords, key, fun)
      when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> value
      false -> fun.()
    end
  end

  # Every value for key, in order.
  def get_values(keywords, key) when is_list(keywords) and is_atom(key),
    do: get_values(keywords, key, [])

  defp get_values([{key, value} | tail], key, values), do: get_values(tail, key, [value | values])
  defp get_values([{_, _} | tail], key, values), do: get_values(tail, key, values)
  defp get_values([], _key, values), do: :lists.reverse(values)

  # {:ok, value} for key, else :error.
  def fetch(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> {:ok, value}
      false -> :error
    end
  end

  # The value for key; KeyError when missing.
  def fetch!(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> value
      false -> raise KeyError, key: key, term: keywords
    end
  end

  # Whether key is present.
  def has_key?(keywords, key) when is_list(keywords) and is_atom(key),
    do: :lists.keymember(key, 1, keywords)

  # The keys, in order (repeated ones repeated).
  def keys(keywords) when is_list(keywords) do
    Enum.map(keywords, fn
      {key, _} when is_atom(key) ->
        key

      element ->
        raise ArgumentError,
              "expected a keyword list, but an entry in the list is not a two-element tuple " <>
                "with an atom as its first element, got: " <> inspect(element)
    end)
  end

  # The values, in order.
  def values(keywords) when is_list(keywords), do: Enum.map(keywords, fn {_, v} -> v end)

  # The keyword list itself.
  def to_list(keywords) when is_list(keywords), do: keywords

  # The number of entries (deprecated; length/1).
  def size(keywords), do: length(keywords)

  # Without any entry for key.
  def delete(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keymember(key, 1, keywords) do
      true -> delete_key(keywords, key, [])
      _ -> keywords
    end
  end

  defp delete_key([{key, _} | tail], key, acc), do: delete_key(tail, key, acc)
  defp delete_key([{_, _} = pair | tail], key, acc), do: delete_key(tail, key, [pair | acc])
  defp delete_key([], _key, acc), do: :lists.reverse(acc)

  # Without entries for key with exactly this value.
  def delete(keywords, key, value) when is_list(keywords) and is_atom(key),
    do: Enum.reject(keywords, fn {k, v} -> k === key and v === value end)

  # Without the first entry for key.
  def delete_first(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keymember(key, 1, keywords) do
      true -> :lists.keydelete(key, 1, keywords)
      _ -> keywords
    end
  end

  # key set to value (replacing every entry for key), at the front.
  def put(keywords, key, value) when is_list(keywords) and is_atom(key),
    do: [{key, value} | delete(keywords, key)]

  # key set to value at the front, unless key is present.
  def put_new(keywords, key, value) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, _} -> keywords
      false -> [{key, value} | keywords]
    end
  end

  # key set to fun.() at the front, unless key is present.
  def put_new_lazy(keywords, key, fun)
      when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, _} -> keywords
      false -> [{key, fun.()} | keywords]
    end
  end

  # The first entry for key given value in place (later ones removed); no
  # change when key is missing.
  def replace(keywords, key, value) when is_list(keywords) and is_atom(key),
    do: do_replace(keywords, key, fn _ -> value end, nil)

  # As replace/3; KeyError when key is missing.
  def replace!(keywords, key, value) when is_list(keywords) and is_atom(key),
    do: do_replace(keywords, key, fn _ -> value end, keywords)

  # The first entry for key given fun(value) in place; no change if missing.
  def replace_lazy(keywords, key, fun)
      when is_list(keywords) and is_atom(key) and is_function(fun, 1),
      do: do_replace(keywords, key, fun, nil)

  # The first entry for key updated with fun(value) in place (later ones
  # removed); KeyError when missing.
  def update!(keywords, key, fun)
      when is_list(keywords) and is_atom(key) and is_function(fun, 1),
      do: do_replace(keywords, key, fun, keywords)

  defp do_replace(keywords, key, fun, original), do: do_replace(keywords, key, fun, original, [])

  defp do_replace([{key, value} | rest], key, fun, _original, acc),
    do: :lists.reverse(acc, [{key, fun.(value)} | delete(rest, key)])

  defp do_replace([{_, _} = pair | rest], key, fun, original, acc),
    do: do_replace(rest, key, fun, original, [pair | acc])

  defp do_replace([], _key, _fun, nil, acc), do: :lists.reverse(acc)
  defp do_replace([], key, _fun, original, _acc), do: raise(KeyError, key: key, term: original)

  # The first entry for key updated with fun(value) in place, or
  # {key, default} appended when missing.
  def update(keywords, key, default, fun)
      when is_list(keywords) and is_atom(key) and is_function(fun, 1),
      do: update_guarded(keywords, key, default, fun, [])

  defp update_guarded([{key, value} | rest], key, _default, fun, acc),
    do: :lists.reverse(acc, [{key, fun.(value)} | delete(rest, key)])

  defp update_guarded([{_, _} = pair | rest], key, default, fun, acc),
    do: update_guarded(rest, key, default, fun, [pair | acc])

  defp update_guarded([], key, default, _fun, acc), do: :lists.reverse(acc, [{key, default}])

  # keywords2 merged into keywords1: keywords1's entries for keys not in
  # keywords2, followed by keywords2.
  def merge(keywords1, []) when is_list(keywords1), do: keywords1
  def merge([], keywords2) when is_list(keywords2), do: keywords2

  def merge(keywords1, keywords2) when is_list(keywords1) and is_list(keywords2) do
    if keyword?(keywords2) do
      fun = fn
        {key, _value} when is_atom(key) ->
          not has_key?(keywords2, key)

        _ ->
          raise ArgumentError,
                "expected a keyword list as the first argument, got: " <> inspect(keywords1)
      end

      Enum.filter(keywords1, fun) ++ keywords2
    else
      raise ArgumentError,
            "expected a keyword list as the second argument, got: " <> inspect(keywords2)
    end
  end

  # As merge/2, conflicts resolved by fun(key, value1, value2).
  def merge(keywords1, keywords2, fun)
      when is_list(keywords1) and is_list(keywords2) and is_function(fun, 3) do
    if keyword?(keywords1) do
      do_merge(keywords2, [], keywords1, keywords1, fun, keywords2)
    else
      raise ArgumentError,
            "expected a keyword list as the first argument, got: " <> inspect(keywords1)
    end
  end

  defp do_merge([{key, value2} | tail], acc, rest, original, fun, keywords2) when is_atom(key) do
    case :lists.keyfind(key, 1, original) do
      {^key, value1} ->
        acc = [{key, fun.(key, value1, value2)} | acc]
        original = :lists.keydelete(key, 1, original)
        do_merge(tail, acc, delete(rest, key), original, fun, keywords2)

      false ->
        do_merge(tail, [{key, value2} | acc], rest, original, fun, keywords2)
    end
  end

  defp do_merge([], acc, rest, _original, _fun, _keywords2), do: rest ++ :lists.reverse(acc)

  defp do_merge(_other, _acc, _rest, _original, _fun, keywords2) do
    raise ArgumentError,
          "expected a keyword list as the second argument, got: " <> inspect(keywords2)
  end

  # {value, keywords without key} (every entry for key removed), or
  # {default, keywords}.
  def pop(keywords, key), do: pop(keywords, key, nil)

  def pop(keywords, key, default) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> {default, keywords}
    end
  end

  # As pop/2; KeyError when missing.
  def pop!(keywords, key) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> raise KeyError, key: key, term: keywords
    end
  end

  # As pop/3, the default computed by fun.().
  def pop_lazy(keywords, key, fun)
      when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> {fun.(), keywords}
    end
  end

  # {first value, keywords without the first entry for key}, or
  # {default, keywords}.
  def pop_first(keywords, key), do: pop_first(keywords, key, nil)

  def pop_first(keywords, key, default) when is_list(keywords) and is_atom(key) do
    case :lists.keytake(key, 1, keywords) do
      {:value, {^key, value}, rest} -> {value, rest}
      false -> {default, keywords}
    end
  end

  # {every value for key, keywords without key}.
  def pop_values(keywords, key) when is_list(keywords) and is_atom(key),
    do: pop_values(:lists.reverse(keywords), key, [], [])

  defp pop_values([{key, value} | tail], key, values, acc),
    do: pop_values(tail, key, [value | values], acc)

  defp pop_values([{_, _} = pair | tail], key, values, acc),
    do: pop_values(tail, key, values, [pair | acc])

  defp pop_values([], _key, values, acc), do: {values, acc}

  # The entries whose key is in keys.
  def take(keywords, keys) when is_list(keywords) and is_list(keys),
    do: Enum.filter(keywords, fn {k, _} -> :lists.member(k, keys) end)

  # The entries whose key is not in keys.
  def drop(keywords, keys) when is_list(keywords) and is_list(keys),
    do: Enum.filter(keywords, fn {k, _} -> not :lists.member(k, keys) end)

  # {entries with a key in keys, the others}.
  def split(keywords, keys) when is_list(keywords) and is_list(keys),
    do: Enum.split_with(keywords, fn {k, _} -> :lists.member(k, keys) end)

  # The entries for which fun({key, value}) is truthy.
  def filter(keywords, fun) when is_list(keywords) and is_function(fun, 1),
    do: Enum.filter(keywords, fn {_, _} = entry -> fun.(entry) end)

  # The entries for which fun({key, value}) is falsy.
  def reject(keywords, fun) when is_list(keywords) and is_function(fun, 1),
    do: Enum.reject(keywords, fn {_, _} = entry -> fun.(entry) end)

  # Each value replaced by fun({key, value}).
  def map(keywords, fun) when is_list(keywords),
    do: Enum.map(keywords, fn {k, v} -> {k, fun.({k, v})} end)

  # A keyword list of each of keys with value.
  def from_keys(keys, value) when is_list(keys), do: Enum.map(keys, fn key -> {key, value} end)

  # Whether the two keyword lists hold the same entries, in any order.
  def equal?(left, right) when is_list(left) and is_list(right),
    do: :lists.sort(left) === :lists.sort(right)

  # {get, new keywords}: fun(current value or nil) returns {get, new value}
  # or :pop.
  def get_and_update(keywords, key, fun) when is_list(keywords) and is_atom(key),
    do: update_first(keywords, [], key, fun, false)

  # As get_and_update/3, but an update also drops the key's later entries;
  # KeyError when key is missing.
  def get_and_update!(keywords, key, fun) do
    _ = fetch!(keywords, key)
    update_first(keywords, [], key, fun, true)
  end

  # The step of get_and_update/3 and get_and_update!/3: `fun` gets the
  # first entry of `key` and returns {get, new value}, which replaces the
  # entry where it stands, or :pop, which removes it; `acc` holds the
  # entries before it, reversed. A missing key gives `fun` nil, and a new
  # entry goes first. `drop_later` also removes the key's later entries.
  defp update_first([{key, current} | rest], acc, key, fun, drop_later) do
    case fun.(current) do
      {get, value} ->
        rest = if drop_later, do: delete(rest, key), else: rest
        {get, :lists.reverse(acc, [{key, value} | rest])}

      :pop ->
        {current, :lists.reverse(acc, rest)}

      other ->
        bad_update(other)
    end
  end

  defp update_first([entry | rest], acc, key, fun, drop_later),
    do: update_first(rest, [entry | acc], key, fun, drop_later)

  defp update_first([], acc, key, fun, _drop_later) do
    case fun.(nil) do
      {get, value} -> {get, [{key, value} | :lists.reverse(acc)]}
      :pop -> {nil, :lists.reverse(acc)}
      other -> bad_update(other)
    end
  end

  defp bad_update(other) do
    raise RuntimeError,
          "the given function must return a two-element tuple or :pop, got: " <>
            inspect(other)
  end

  # {:ok, keywords with defaults} when every key is among values (atoms or
  # {atom, default}) at most once, else {:error, unknown or repeated keys}.
  def validate(keyword, values) when is_list(keyword) and is_list(values),
    do: validate(keyword, values, [], [], [])

  defp validate([{key, _} = pair | keyword], values1, values2, acc, bad_keys) when is_atom(key) do
    case find_key!(key, values1, values2) do
      {values1, values2} ->
        validate(keyword, values1, values2, [pair | acc], bad_keys)

      :error ->
        case find_key!(key, values2, values1) do
          {values1, values2} -> validate(keyword, values1, values2, [pair | acc], bad_keys)
          :error -> validate(keyword, values1, values2, acc, [key | bad_keys])
        end
    end
  end

  defp validate([], values1, values2, acc, []),
    do: {:ok, move_pairs!(values1, move_pairs!(values2, acc))}

  defp validate([], _values1, _values2, _acc, bad_keys), do: {:error, bad_keys}

  defp validate([pair | _], _values1, _values2, _acc, []) do
    raise ArgumentError,
          "expected a keyword list as first argument, got invalid entry: " <> inspect(pair)
  end

  defp find_key!(key, [key | rest], acc), do: {rest, acc}
  defp find_key!(key, [{key, _} | rest], acc), do: {rest, acc}
  defp find_key!(key, [head | tail], acc), do: find_key!(key, tail, [head | acc])
  defp find_key!(_key, [], _acc), do: :error

  defp move_pairs!([key | rest], acc) when is_atom(key), do: move_pairs!(rest, acc)

  defp move_pairs!([{key, _} = pair | rest], acc) when is_atom(key),
    do: move_pairs!(rest, [pair | acc])

  defp move_pairs!([], acc), do: acc

  defp move_pairs!([other | _], _) do
    raise ArgumentError,
          "expected the second argument to be a list of atoms or tuples, got: " <> inspect(other)
  end

  # As validate/2, raising ArgumentError for unknown or repeated keys.
  def validate!(keyword, values) do
    case validate(keyword, values) do
      {:ok, kw} ->
        kw

      {:error, invalid_keys} ->
        keys = Enum.map(values, fn value -> if is_atom(value), do: value, else: elem(value, 0) end)

        message =
          case Enum.split_with(invalid_keys, fn k -> Enum.member?(keys, k) end) do
            {_, [_ | _] = unknown} ->
              "unknown keys " <>
                inspect(unknown) <>
                " in " <> inspect(keyword) <> ", the allowed keys are: " <> inspect(keys)

            {[_ | _] = known, _} ->
              "duplicate keys " <> inspect(known) <> " in " <> inspect(keyword)
          end

        raise ArgumentError, message
    end
  end
end
