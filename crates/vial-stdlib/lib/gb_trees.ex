# Erlang's `gb_trees`: Andersson's general balanced trees.
#
# A tree is `{size, node}`, where a node is `nil` or
# `{key, value, smaller, bigger}`. Keys are compared with `<`/`>` (term
# order), so 1 and 1.0 are the same key.
#
# Insertion keeps the documented balance condition 2^h <= size^2: the
# walk down starts with a budget of size^2 (the size after the insert) and
# halves it at every level. A new node reached with a budget of 0 is too
# deep; the walk back up then reports `{node, weight, count}` (weight =
# 2^height along the way, see `count/1`) until it reaches the lowest
# ancestor whose weight exceeds its count squared, and that subtree is
# rebuilt perfectly balanced. Deletion never rebalances.
#
# Helper names that appear in FunctionClauseError messages (get_1/2,
# update_1/3, take_1/2, delete_1/2, smallest_1/1, take_smallest1/1,
# balance_list_1/2, count/1, ...) are the ones OTP's module reports.
defmodule :gb_trees do
  def empty, do: {0, nil}

  def is_empty({0, nil}), do: true
  def is_empty(_), do: false

  def size({size, _}) when is_integer(size) and size >= 0, do: size

  # ---- lookups --------------------------------------------------------------

  def lookup(key, {_, node}), do: lookup_1(key, node)

  defp lookup_1(key, {k, _, smaller, _}) when key < k, do: lookup_1(key, smaller)
  defp lookup_1(key, {k, _, _, bigger}) when key > k, do: lookup_1(key, bigger)
  defp lookup_1(_, {_, v, _, _}), do: {:value, v}
  defp lookup_1(_, nil), do: :none

  def is_defined(key, {_, node}), do: is_defined_1(key, node)

  defp is_defined_1(key, {k, _, smaller, _}) when key < k, do: is_defined_1(key, smaller)
  defp is_defined_1(key, {k, _, _, bigger}) when key > k, do: is_defined_1(key, bigger)
  defp is_defined_1(_, {_, _, _, _}), do: true
  defp is_defined_1(_, nil), do: false

  # Fails (no clause in get_1/2) when the key is missing.
  def get(key, {_, node}), do: get_1(key, node)

  defp get_1(key, {k, _, smaller, _}) when key < k, do: get_1(key, smaller)
  defp get_1(key, {k, _, _, bigger}) when key > k, do: get_1(key, bigger)
  defp get_1(_, {_, v, _, _}), do: v

  # ---- updates --------------------------------------------------------------

  # The node gets the given key and the new value.
  def update(key, value, {size, node}), do: {size, update_1(key, value, node)}

  defp update_1(key, value, {k, v, smaller, bigger}) when key < k,
    do: {k, v, update_1(key, value, smaller), bigger}

  defp update_1(key, value, {k, v, smaller, bigger}) when key > k,
    do: {k, v, smaller, update_1(key, value, bigger)}

  defp update_1(key, value, {_, _, smaller, bigger}), do: {key, value, smaller, bigger}

  def enter(key, value, tree) do
    if is_defined(key, tree) do
      update(key, value, tree)
    else
      insert(key, value, tree)
    end
  end

  def insert(key, value, {size, node}) when is_integer(size) do
    new_size = size + 1
    {new_size, insert_1(key, value, node, new_size * new_size)}
  end

  # Returns a node, or {node, weight, count} while the path is too deep
  # and no ancestor has been rebuilt yet.
  defp insert_1(key, value, {k, v, smaller, bigger}, budget) when key < k do
    case insert_1(key, value, smaller, div(budget, 2)) do
      {node1, weight1, count1} ->
        {weight2, count2} = count(bigger)
        check_depth({k, v, node1, bigger}, weight1, count1, weight2, count2)

      node1 ->
        {k, v, node1, bigger}
    end
  end

  defp insert_1(key, value, {k, v, smaller, bigger}, budget) when key > k do
    case insert_1(key, value, bigger, div(budget, 2)) do
      {node1, weight1, count1} ->
        {weight2, count2} = count(smaller)
        check_depth({k, v, smaller, node1}, weight1, count1, weight2, count2)

      node1 ->
        {k, v, smaller, node1}
    end
  end

  defp insert_1(key, value, nil, 0), do: {{key, value, nil, nil}, 1, 1}
  defp insert_1(key, value, nil, _budget), do: {key, value, nil, nil}
  defp insert_1(key, _, _, _), do: :erlang.error({:key_exists, key})

  defp check_depth(node, weight1, count1, weight2, count2) do
    weight = 2 * max(weight1, weight2)
    total = count1 + count2 + 1

    if weight > total * total do
      balance_node(node, total)
    else
      {node, weight, total}
    end
  end

  # {weight, count} of a subtree: weight doubles per level; an empty
  # subtree and a single node both weigh 1.
  defp count({_, _, nil, nil}), do: {1, 1}

  defp count({_, _, smaller, bigger}) do
    {w1, c1} = count(smaller)
    {w2, c2} = count(bigger)
    {2 * max(w1, w2), c1 + c2 + 1}
  end

  defp count(nil), do: {1, 0}

  # ---- deletion -------------------------------------------------------------

  def delete(key, {size, node}) when is_integer(size) and size >= 0,
    do: {size - 1, delete_1(key, node)}

  defp delete_1(key, {k, v, smaller, bigger}) when key < k,
    do: {k, v, delete_1(key, smaller), bigger}

  defp delete_1(key, {k, v, smaller, bigger}) when key > k,
    do: {k, v, smaller, delete_1(key, bigger)}

  defp delete_1(_, {_, _, smaller, bigger}), do: join_children(smaller, bigger)

  # A deleted node's children as one subtree: the smallest node of the
  # bigger side takes its place.
  defp join_children(smaller, nil), do: smaller
  defp join_children(nil, bigger), do: bigger

  defp join_children(smaller, bigger) do
    {k, v, bigger1} = take_smallest1(bigger)
    {k, v, smaller, bigger1}
  end

  def delete_any(key, tree) do
    if is_defined(key, tree), do: delete(key, tree), else: tree
  end

  def take(key, {size, node}) when is_integer(size) and size >= 0 do
    {value, node1} = take_1(key, node)
    {value, {size - 1, node1}}
  end

  defp take_1(key, {k, v, smaller, bigger}) when key < k do
    {value, smaller1} = take_1(key, smaller)
    {value, {k, v, smaller1, bigger}}
  end

  defp take_1(key, {k, v, smaller, bigger}) when key > k do
    {value, bigger1} = take_1(key, bigger)
    {value, {k, v, smaller, bigger1}}
  end

  defp take_1(_, {_, v, smaller, bigger}), do: {v, join_children(smaller, bigger)}

  def take_any(key, tree) do
    if is_defined(key, tree), do: take(key, tree), else: :error
  end

  def take_smallest({size, node}) when is_integer(size) and size >= 0 do
    {k, v, node1} = take_smallest1(node)
    {k, v, {size - 1, node1}}
  end

  defp take_smallest1({k, v, nil, bigger}), do: {k, v, bigger}

  defp take_smallest1({k, v, smaller, bigger}) do
    {k1, v1, smaller1} = take_smallest1(smaller)
    {k1, v1, {k, v, smaller1, bigger}}
  end

  def take_largest({size, node}) when is_integer(size) and size >= 0 do
    {k, v, node1} = take_largest1(node)
    {k, v, {size - 1, node1}}
  end

  defp take_largest1({k, v, smaller, nil}), do: {k, v, smaller}

  defp take_largest1({k, v, smaller, bigger}) do
    {k1, v1, bigger1} = take_largest1(bigger)
    {k1, v1, {k, v, smaller, bigger1}}
  end

  def smallest({_, node}), do: smallest_1(node)

  defp smallest_1({k, v, nil, _}), do: {k, v}
  defp smallest_1({_, _, smaller, _}), do: smallest_1(smaller)

  def largest({_, node}), do: largest_1(node)

  defp largest_1({k, v, _, nil}), do: {k, v}
  defp largest_1({_, _, _, bigger}), do: largest_1(bigger)

  # ---- whole trees ----------------------------------------------------------

  def to_list({_, node}), do: to_list(node, [])

  defp to_list({k, v, smaller, bigger}, acc), do: to_list(smaller, [{k, v} | to_list(bigger, acc)])
  defp to_list(nil, acc), do: acc

  def keys({_, node}), do: keys(node, [])

  defp keys({k, _, smaller, bigger}, acc), do: keys(smaller, [k | keys(bigger, acc)])
  defp keys(nil, acc), do: acc

  def values({_, node}), do: values(node, [])

  defp values({_, v, smaller, bigger}, acc), do: values(smaller, [v | values(bigger, acc)])
  defp values(nil, acc), do: acc

  # fun.(key, value) on each node, parent before children.
  def map(fun, {size, node}) when is_function(fun, 2), do: {size, map_1(fun, node)}

  defp map_1(_, nil), do: nil

  defp map_1(fun, {k, v, smaller, bigger}) do
    v1 = fun.(k, v)
    smaller1 = map_1(fun, smaller)
    {k, v1, smaller1, map_1(fun, bigger)}
  end

  def balance({size, node}), do: {size, balance_node(node, size)}

  def from_orddict(pairs) do
    size = length(pairs)
    {size, balance_list(pairs, size)}
  end

  defp balance_node(node, size), do: balance_list(to_list(node, []), size)

  defp balance_list(pairs, size) do
    {node, []} = balance_list_1(pairs, size)
    node
  end

  # {perfectly balanced node of the first n pairs, the other pairs}; the
  # smaller side gets the larger half.
  defp balance_list_1(pairs, n) when n > 1 do
    rest = n - 1
    n_bigger = div(rest, 2)
    n_smaller = rest - n_bigger
    {smaller, [{k, v} | pairs1]} = balance_list_1(pairs, n_smaller)
    {bigger, pairs2} = balance_list_1(pairs1, n_bigger)
    {{k, v, smaller, bigger}, pairs2}
  end

  defp balance_list_1([{k, v} | pairs], 1), do: {{k, v, nil, nil}, pairs}
  defp balance_list_1(pairs, 0), do: {nil, pairs}

  # ---- iterators ------------------------------------------------------------

  # An iterator is the stack of nodes whose key and bigger side are still
  # to be visited, the next one first.
  def iterator({_, node}), do: iterator(node, [])

  defp iterator({_, _, nil, _} = node, stack), do: [node | stack]
  defp iterator({_, _, smaller, _} = node, stack), do: iterator(smaller, [node | stack])
  defp iterator(nil, stack), do: stack

  def iterator_from(key, {_, node}), do: iterator_from(key, node, [])

  defp iterator_from(key, {k, _, _, bigger}, stack) when k < key,
    do: iterator_from(key, bigger, stack)

  defp iterator_from(_, {_, _, nil, _} = node, stack), do: [node | stack]

  # A node not smaller than key is stacked; its smaller side is searched
  # on (for an equal key that side holds nothing to stack).
  defp iterator_from(key, {_, _, smaller, _} = node, stack),
    do: iterator_from(key, smaller, [node | stack])

  defp iterator_from(_, nil, stack), do: stack

  def next([{k, v, _, bigger} | stack]), do: {k, v, iterator(bigger, stack)}
  def next([]), do: :none
end
