# Erlang's `orddict`: a dictionary as a list of `{key, value}` pairs kept
# sorted by key, one pair per key. Keys are compared with `==` and term
# order, so 1 and 1.0 are the same key; a store/append/update writes the
# key it was given. The walks below stop at the first key that is not
# smaller than the one looked for.
defmodule :orddict do
  def new, do: []

  def is_empty([]), do: true
  def is_empty([_ | _]), do: false

  def size(dict), do: length(dict)

  def to_list(dict), do: dict

  # Later pairs win, key included.
  def from_list(pairs), do: unique_by_key(sort_by_key(reverse_pairs(pairs, [])))

  def fetch_keys([{k, _} | rest]), do: [k | fetch_keys(rest)]
  def fetch_keys([]), do: []

  def is_key(key, [{k, _} | _]) when key < k, do: false
  def is_key(key, [{k, _} | rest]) when key > k, do: is_key(key, rest)
  def is_key(_key, [{_, _} | _]), do: true
  def is_key(_key, []), do: false

  def find(key, [{k, _} | _]) when key < k, do: :error
  def find(key, [{k, _} | rest]) when key > k, do: find(key, rest)
  def find(_key, [{_, v} | _]), do: {:ok, v}
  def find(_key, []), do: :error

  def fetch(key, [{k, _} | rest]) when key > k, do: fetch(key, rest)
  def fetch(key, [{k, v} | _]) when key == k, do: v

  def erase(key, [{k, _} | _] = dict) when key < k, do: dict
  def erase(key, [{k, _} = pair | rest]) when key > k, do: [pair | erase(key, rest)]
  def erase(_key, [{_, _} | rest]), do: rest
  def erase(_key, []), do: []

  # {value, dict without key} or :error
  def take(key, dict), do: take_1(key, dict, [])

  defp take_1(key, [{k, _} | _], _seen) when key < k, do: :error
  defp take_1(key, [{k, _} = pair | rest], seen) when key > k, do: take_1(key, rest, [pair | seen])
  defp take_1(_key, [{_, v} | rest], seen), do: {v, :lists.reverse(seen, rest)}
  defp take_1(_key, [], _seen), do: :error

  def store(key, value, [{k, _} | _] = dict) when key < k, do: [{key, value} | dict]
  def store(key, value, [{k, _} = pair | rest]) when key > k, do: [pair | store(key, value, rest)]
  def store(key, value, [{_, _} | rest]), do: [{key, value} | rest]
  def store(key, value, []), do: [{key, value}]

  def append(key, value, [{k, _} | _] = dict) when key < k, do: [{key, [value]} | dict]
  def append(key, value, [{k, _} = pair | rest]) when key > k, do: [pair | append(key, value, rest)]
  def append(key, value, [{_, old} | rest]), do: [{key, old ++ [value]} | rest]
  def append(key, value, []), do: [{key, [value]}]

  def append_list(key, values, [{k, _} | _] = dict) when key < k, do: [{key, values} | dict]

  def append_list(key, values, [{k, _} = pair | rest]) when key > k,
    do: [pair | append_list(key, values, rest)]

  def append_list(key, values, [{_, old} | rest]), do: [{key, old ++ values} | rest]
  def append_list(key, values, []), do: [{key, values}]

  # Fails (no clause) when the key is missing.
  def update(key, fun, [{k, _} = pair | rest]) when key > k, do: [pair | update(key, fun, rest)]
  def update(key, fun, [{k, v} | rest]) when key == k, do: [{key, fun.(v)} | rest]

  def update(key, _fun, init, [{k, _} | _] = dict) when key < k, do: [{key, init} | dict]

  def update(key, fun, init, [{k, _} = pair | rest]) when key > k,
    do: [pair | update(key, fun, init, rest)]

  def update(key, fun, _init, [{_, v} | rest]), do: [{key, fun.(v)} | rest]
  def update(key, _fun, init, []), do: [{key, init}]

  def update_counter(key, incr, [{k, _} | _] = dict) when key < k, do: [{key, incr} | dict]

  def update_counter(key, incr, [{k, _} = pair | rest]) when key > k,
    do: [pair | update_counter(key, incr, rest)]

  def update_counter(key, incr, [{_, v} | rest]), do: [{key, v + incr} | rest]
  def update_counter(key, incr, []), do: [{key, incr}]

  def fold(fun, acc, [{k, v} | rest]), do: fold(fun, fun.(k, v, acc), rest)
  def fold(fun, acc, []) when is_function(fun, 3), do: acc

  def map(fun, [{k, v} | rest]) do
    mapped = fun.(k, v)
    [{k, mapped} | map(fun, rest)]
  end

  def map(fun, []) when is_function(fun, 2), do: []

  def filter(fun, [{k, v} = pair | rest]) do
    case fun.(k, v) do
      true -> [pair | filter(fun, rest)]
      false -> filter(fun, rest)
    end
  end

  def filter(fun, []) when is_function(fun, 2), do: []

  # Pairs of both; fun.(key, value1, value2) for a key in both (dict1's
  # key is kept).
  def merge(fun, [{k1, _} = p1 | rest1], [{k2, _} | _] = d2) when k1 < k2,
    do: [p1 | merge(fun, rest1, d2)]

  def merge(fun, [{k1, _} | _] = d1, [{k2, _} = p2 | rest2]) when k1 > k2,
    do: [p2 | merge(fun, d1, rest2)]

  def merge(fun, [{k1, v1} | rest1], [{_k2, v2} | rest2]) do
    merged = fun.(k1, v1, v2)
    [{k1, merged} | merge(fun, rest1, rest2)]
  end

  def merge(fun, [], d2) when is_function(fun, 3), do: d2
  def merge(fun, d1, []) when is_function(fun, 3), do: d1

  # ---- helpers --------------------------------------------------------------

  defp reverse_pairs([{_, _} = pair | rest], acc), do: reverse_pairs(rest, [pair | acc])
  defp reverse_pairs([], acc), do: acc

  # A stable merge sort on the keys.
  defp sort_by_key([]), do: []
  defp sort_by_key([_] = one), do: one

  defp sort_by_key(pairs) do
    {left, right} = :lists.split(div(length(pairs), 2), pairs)
    merge_sorted(sort_by_key(left), sort_by_key(right))
  end

  defp merge_sorted([], right), do: right
  defp merge_sorted(left, []), do: left

  defp merge_sorted([{ka, _} = a | resta] = left, [{kb, _} = b | restb] = right) do
    if kb < ka do
      [b | merge_sorted(left, restb)]
    else
      [a | merge_sorted(resta, right)]
    end
  end

  # Of neighbours with equal keys, the first is kept.
  defp unique_by_key([{k1, _} = p1, {k2, _} | rest]) when k1 == k2, do: unique_by_key([p1 | rest])
  defp unique_by_key([p | rest]), do: [p | unique_by_key(rest)]
  defp unique_by_key([]), do: []
end
