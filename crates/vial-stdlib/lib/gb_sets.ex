# Erlang's `gb_sets`: ordered sets as general balanced trees.
#
# A set is `{size, node}`, where a node is `nil` or `{element, smaller,
# bigger}`. Elements are compared with `<`/`>` (term order), so 1 and 1.0
# are the same element. Insertion balances exactly like `:gb_trees` (see
# there); deletion never rebalances.
#
# The set operations pick one of two strategies from the sizes: when one
# set is small next to the other (the larger has at least 10 elements and
# at least `small * round(1.46 * ln(large))`), the small set's elements
# are inserted into / looked up in the large tree one by one; otherwise
# both sets are walked as sorted lists. List results are built into a
# balanced tree from the largest element down (`balance_revlist_1/2`,
# the bigger side getting the larger half), whereas `from_ordset/1`,
# `balance/1` and `filter/2` build from the smallest element up
# (`balance_list_1/2`).
#
# Helper names that appear in FunctionClauseError messages (is_member_1/2,
# delete_1/2, take_smallest1/1, to_list/2, iterator/2, ...) are the ones
# OTP's module reports.
defmodule :gb_sets do
  def empty, do: {0, nil}
  def new, do: {0, nil}

  def singleton(x), do: {1, {x, nil, nil}}

  def is_empty({0, nil}), do: true
  def is_empty(_), do: false

  def size({size, _}), do: size

  def is_set({0, nil}), do: true
  def is_set({size, {_, _, _}}) when is_integer(size) and size >= 0, do: true
  def is_set(_), do: false

  # ---- membership -----------------------------------------------------------

  def is_member(x, {_, node}), do: is_member_1(x, node)
  def is_element(x, set), do: is_member(x, set)

  defp is_member_1(x, {k, smaller, _}) when x < k, do: is_member_1(x, smaller)
  defp is_member_1(x, {k, _, bigger}) when x > k, do: is_member_1(x, bigger)
  defp is_member_1(_, {_, _, _}), do: true
  defp is_member_1(_, nil), do: false

  # ---- insertion ------------------------------------------------------------

  def add(x, set) do
    if is_member(x, set), do: set, else: insert(x, set)
  end

  def add_element(x, set), do: add(x, set)

  # Fails with {:key_exists, x} when x is already there.
  def insert(x, {size, node}) do
    new_size = size + 1
    {new_size, insert_1(x, node, new_size * new_size)}
  end

  # Returns a node, or {node, weight, count} while the path is too deep
  # and no ancestor has been rebuilt yet (as in :gb_trees; an integer
  # weight tells such a triple from a node).
  defp insert_1(x, {k, smaller, bigger}, budget) when x < k do
    case insert_1(x, smaller, div(budget, 2)) do
      {node1, weight1, count1} when is_integer(weight1) ->
        {weight2, count2} = count(bigger)
        check_depth({k, node1, bigger}, weight1, count1, weight2, count2)

      node1 ->
        {k, node1, bigger}
    end
  end

  defp insert_1(x, {k, smaller, bigger}, budget) when x > k do
    case insert_1(x, bigger, div(budget, 2)) do
      {node1, weight1, count1} when is_integer(weight1) ->
        {weight2, count2} = count(smaller)
        check_depth({k, smaller, node1}, weight1, count1, weight2, count2)

      node1 ->
        {k, smaller, node1}
    end
  end

  defp insert_1(x, nil, 0), do: {{x, nil, nil}, 1, 1}
  defp insert_1(x, nil, _budget), do: {x, nil, nil}
  defp insert_1(x, _, _), do: :erlang.error({:key_exists, x})

  defp check_depth(node, weight1, count1, weight2, count2) do
    weight = 2 * max(weight1, weight2)
    total = count1 + count2 + 1

    if weight > total * total do
      balance_list(to_list(node, []), total)
    else
      {node, weight, total}
    end
  end

  defp count({_, nil, nil}), do: {1, 1}

  defp count({_, smaller, bigger}) do
    {w1, c1} = count(smaller)
    {w2, c2} = count(bigger)
    {2 * max(w1, w2), c1 + c2 + 1}
  end

  defp count(nil), do: {1, 0}

  # ---- deletion -------------------------------------------------------------

  # Fails (no clause in delete_1/2) when x is missing.
  def delete(x, {size, node}), do: {size - 1, delete_1(x, node)}

  defp delete_1(x, {k, smaller, bigger}) when x < k, do: {k, delete_1(x, smaller), bigger}
  defp delete_1(x, {k, smaller, bigger}) when x > k, do: {k, smaller, delete_1(x, bigger)}
  defp delete_1(_, {_, smaller, bigger}), do: join_children(smaller, bigger)

  defp join_children(smaller, nil), do: smaller
  defp join_children(nil, bigger), do: bigger

  defp join_children(smaller, bigger) do
    {k, bigger1} = take_smallest1(bigger)
    {k, smaller, bigger1}
  end

  def delete_any(x, set) do
    if is_member(x, set), do: delete(x, set), else: set
  end

  def del_element(x, set), do: delete_any(x, set)

  def take_smallest({size, node}) do
    {k, node1} = take_smallest1(node)
    {k, {size - 1, node1}}
  end

  defp take_smallest1({k, nil, bigger}), do: {k, bigger}

  defp take_smallest1({k, smaller, bigger}) do
    {k1, smaller1} = take_smallest1(smaller)
    {k1, {k, smaller1, bigger}}
  end

  def take_largest({size, node}) do
    {k, node1} = take_largest1(node)
    {k, {size - 1, node1}}
  end

  defp take_largest1({k, smaller, nil}), do: {k, smaller}

  defp take_largest1({k, smaller, bigger}) do
    {k1, bigger1} = take_largest1(bigger)
    {k1, {k, smaller, bigger1}}
  end

  def smallest({_, node}), do: smallest_1(node)

  defp smallest_1({k, nil, _}), do: k
  defp smallest_1({_, smaller, _}), do: smallest_1(smaller)

  def largest({_, node}), do: largest_1(node)

  defp largest_1({k, _, nil}), do: k
  defp largest_1({_, _, bigger}), do: largest_1(bigger)

  # ---- whole sets -----------------------------------------------------------

  def to_list({_, node}), do: to_list(node, [])

  defp to_list({k, smaller, bigger}, acc), do: to_list(smaller, [k | to_list(bigger, acc)])
  defp to_list(nil, acc), do: acc

  def from_list(items), do: from_ordset(:lists.usort(items))

  def from_ordset(items) do
    size = length(items)
    {size, balance_list(items, size)}
  end

  def balance({size, node}), do: {size, balance_list(to_list(node, []), size)}

  # Elements in order, fun.(x) called in order; fun must answer a boolean.
  def filter(fun, set) when is_function(fun, 1) do
    from_ordset(filter_items(fun, to_list(set)))
  end

  defp filter_items(_fun, []), do: []

  defp filter_items(fun, [x | rest]) do
    case fun.(x) do
      true -> [x | filter_items(fun, rest)]
      false -> filter_items(fun, rest)
      other -> :erlang.error({:bad_filter, other})
    end
  end

  def fold(fun, acc, {_, node}) when is_function(fun, 2), do: fold_1(fun, acc, node)

  defp fold_1(fun, acc, {k, smaller, bigger}), do: fold_1(fun, fun.(k, fold_1(fun, acc, smaller)), bigger)
  defp fold_1(_fun, acc, _), do: acc

  # ---- balanced building ----------------------------------------------------

  defp balance_list(items, size) do
    {node, []} = balance_list_1(items, size)
    node
  end

  # From ascending items: the smaller side gets the larger half.
  defp balance_list_1(items, n) when n > 1 do
    rest = n - 1
    n_bigger = div(rest, 2)
    n_smaller = rest - n_bigger
    {smaller, [k | items1]} = balance_list_1(items, n_smaller)
    {bigger, items2} = balance_list_1(items1, n_bigger)
    {{k, smaller, bigger}, items2}
  end

  defp balance_list_1([k | items], 1), do: {{k, nil, nil}, items}
  defp balance_list_1(items, 0), do: {nil, items}

  # {size, node} from descending items; leftover items are ignored.
  defp from_revlist(items, size) do
    {node, _} = balance_revlist_1(items, size)
    {size, node}
  end

  # From descending items: the bigger side gets the larger half.
  defp balance_revlist_1(items, n) when n > 1 do
    rest = n - 1
    n_smaller = div(rest, 2)
    n_bigger = rest - n_smaller
    {bigger, [k | items1]} = balance_revlist_1(items, n_bigger)
    {smaller, items2} = balance_revlist_1(items1, n_smaller)
    {{k, smaller, bigger}, items2}
  end

  defp balance_revlist_1([k | items], 1), do: {{k, nil, nil}, items}
  defp balance_revlist_1(items, 0), do: {nil, items}

  # Whether the small-versus-large strategy applies.
  defp one_by_one?(n_small, n_large) do
    if n_large < 10 do
      false
    else
      not (n_large < n_small * round(1.46 * :math.log(n_large)))
    end
  end

  # ---- set algebra ----------------------------------------------------------

  def union({n1, node1}, {n2, node2}) when n2 < n1, do: union_sized(to_list(node2, []), n2, node1, n1)
  def union({n1, node1}, {n2, node2}), do: union_sized(to_list(node1, []), n1, node2, n2)

  def union([set1, set2 | sets]), do: union_all(union(set1, set2), sets)
  def union([set]), do: set
  def union([]), do: empty()

  defp union_all(acc, [set | sets]), do: union_all(union(acc, set), sets)
  defp union_all(acc, []), do: acc

  # The small set's items (ascending) into the large set, or a merge in
  # which, on equal elements, the item of the list currently first is kept.
  defp union_sized(small_items, n_small, large_node, n_large) do
    if one_by_one?(n_small, n_large) do
      add_all(small_items, {n_large, large_node})
    else
      {rev, n} = merge_union(small_items, to_list(large_node, []), [], n_small + n_large)
      from_revlist(rev, n)
    end
  end

  defp add_all([x | rest], set), do: add_all(rest, add(x, set))
  defp add_all([], set), do: set

  # After taking the head of the second list, the lists change places.
  defp merge_union([x | xs], [y | _] = ys, acc, n) when x < y, do: merge_union(xs, ys, [x | acc], n)
  defp merge_union([x | _] = xs, [y | ys], acc, n) when x > y, do: merge_union(ys, xs, [y | acc], n)
  defp merge_union([x | xs], [_ | ys], acc, n), do: merge_union(xs, ys, [x | acc], n - 1)
  defp merge_union([], ys, acc, n), do: {prepend_reversed(ys, acc), n}
  defp merge_union(xs, [], acc, n), do: {prepend_reversed(xs, acc), n}

  defp prepend_reversed([x | rest], acc), do: prepend_reversed(rest, [x | acc])
  defp prepend_reversed([], acc), do: acc

  def intersection({n1, node1}, {n2, node2}) when n2 < n1,
    do: intersection_sized(to_list(node2, []), n2, node1, n1)

  def intersection({n1, node1}, {n2, node2}),
    do: intersection_sized(to_list(node1, []), n1, node2, n2)

  def intersection([set1, set2 | sets]), do: intersection_all(intersection(set1, set2), sets)
  def intersection([set]), do: set

  defp intersection_all(acc, [set | sets]), do: intersection_all(intersection(acc, set), sets)
  defp intersection_all(acc, []), do: acc

  defp intersection_sized(small_items, n_small, large_node, n_large) do
    {rev, n} =
      if one_by_one?(n_small, n_large) do
        keep_members(small_items, large_node, [], 0)
      else
        merge_intersection(small_items, to_list(large_node, []), [], 0)
      end

    from_revlist(rev, n)
  end

  # {reversed items found in node, their count}
  defp keep_members([x | rest], node, acc, n) do
    if is_member_1(x, node) do
      keep_members(rest, node, [x | acc], n + 1)
    else
      keep_members(rest, node, acc, n)
    end
  end

  defp keep_members([], _node, acc, n), do: {acc, n}

  defp merge_intersection([x | xs], [y | _] = ys, acc, n) when x < y,
    do: merge_intersection(xs, ys, acc, n)

  defp merge_intersection([x | _] = xs, [y | ys], acc, n) when x > y,
    do: merge_intersection(ys, xs, acc, n)

  defp merge_intersection([x | xs], [_ | ys], acc, n), do: merge_intersection(xs, ys, [x | acc], n + 1)
  defp merge_intersection([], _, acc, n), do: {acc, n}
  defp merge_intersection(_, [], acc, n), do: {acc, n}

  # The elements of set1 not in set2.
  def difference({n1, node1}, {n2, node2}) do
    items1 = to_list(node1, [])

    {rev, n} =
      if one_by_one?(n1, n2) do
        drop_members(items1, node2, [], 0)
      else
        merge_difference(items1, to_list(node2, []), [], n1)
      end

    from_revlist(rev, n)
  end

  def subtract(set1, set2), do: difference(set1, set2)

  defp drop_members([x | rest], node, acc, n) do
    if is_member_1(x, node) do
      drop_members(rest, node, acc, n)
    else
      drop_members(rest, node, [x | acc], n + 1)
    end
  end

  defp drop_members([], _node, acc, n), do: {acc, n}

  # n starts at set1's size and loses one per element found in both.
  defp merge_difference([x | xs], [y | _] = ys, acc, n) when x < y,
    do: merge_difference(xs, ys, [x | acc], n)

  defp merge_difference([x | _] = xs, [y | ys], acc, n) when x > y,
    do: merge_difference(xs, ys, acc, n)

  defp merge_difference([_ | xs], [_ | ys], acc, n), do: merge_difference(xs, ys, acc, n - 1)
  defp merge_difference([], _, acc, n), do: {acc, n}
  defp merge_difference(xs, [], acc, n), do: {prepend_reversed(xs, acc), n}

  def is_subset({n1, node1}, {n2, node2}) do
    if one_by_one?(n1, n2) do
      all_members(to_list(node1, []), node2)
    else
      subset_lists(to_list(node1, []), to_list(node2, []))
    end
  end

  defp all_members([x | rest], node) do
    if is_member_1(x, node), do: all_members(rest, node), else: false
  end

  defp all_members([], _node), do: true

  defp subset_lists([], _), do: true
  defp subset_lists(_, []), do: false
  defp subset_lists([x | _], [y | _]) when x < y, do: false
  defp subset_lists([x | _] = xs, [y | ys]) when x > y, do: subset_lists(xs, ys)
  defp subset_lists([_ | xs], [_ | ys]), do: subset_lists(xs, ys)

  # Walks the smaller tree, narrowing the larger one.
  def is_disjoint({n1, node1}, {n2, node2}) when n1 < n2, do: is_disjoint_1(node1, node2)
  def is_disjoint({_, node1}, {_, node2}), do: is_disjoint_1(node2, node1)

  defp is_disjoint_1(nil, _), do: true
  defp is_disjoint_1(_, nil), do: true

  defp is_disjoint_1({k1, smaller1, bigger1}, {k2, smaller2, _} = node2) when k1 < k2 do
    not is_member_1(k1, smaller2) and is_disjoint_1(smaller1, smaller2) and
      is_disjoint_1(bigger1, node2)
  end

  defp is_disjoint_1({k1, smaller1, bigger1}, {k2, _, bigger2} = node2) when k1 > k2 do
    not is_member_1(k1, bigger2) and is_disjoint_1(bigger1, bigger2) and
      is_disjoint_1(smaller1, node2)
  end

  defp is_disjoint_1({_, _, _}, {_, _, _}), do: false

  # ---- iterators ------------------------------------------------------------

  def iterator({_, node}), do: iterator(node, [])

  defp iterator({_, nil, _} = node, stack), do: [node | stack]
  defp iterator({_, smaller, _} = node, stack), do: iterator(smaller, [node | stack])
  defp iterator(nil, stack), do: stack

  def iterator_from(x, {_, node}), do: iterator_from(x, node, [])

  defp iterator_from(x, {k, _, bigger}, stack) when k < x, do: iterator_from(x, bigger, stack)
  defp iterator_from(_, {_, nil, _} = node, stack), do: [node | stack]
  defp iterator_from(x, {_, smaller, _} = node, stack), do: iterator_from(x, smaller, [node | stack])
  defp iterator_from(_, nil, stack), do: stack

  def next([{k, _, bigger} | stack]), do: {k, iterator(bigger, stack)}
  def next([]), do: :none
end
