# OTP's functional arrays, with the same representation so that arrays
# print as OTP's do: {:array, size, max, default, elements}.
#
# - size: the number of entries (indices 0..size-1);
# - max: 0 for a fixed-size array, else the capacity past which the
#   array grows on a set (the tree's, except after relax/1 of an array
#   that had shrunk: relax/1 works it out from the size, as OTP does);
# - elements: a tree of capacity 10^k. A subtree of capacity c is either
#   the integer c (all entries default, not yet expanded), a leaf (a
#   10-tuple of entries, c = 10), or a node: an 11-tuple of ten subtrees
#   of capacity s followed by s itself (c = 10 * s).
#
# Entries past `size` are left in the tree when an array shrinks (OTP
# does the same), so reading only ever looks below `size`.
defmodule :array do
  @leaf 10

  # An empty, growable array with default :undefined.
  def new, do: new([])

  # An array built from options: an integer N or {:size, N} (a fixed size
  # of N), :fixed or {:fixed, bool}, and {:default, value}; a single
  # option may be given without a list.
  def new(options), do: new_from_options(options_list(options))

  # new/1 with the size given first, before the other options.
  def new(size, options), do: new_from_options([{:size, size} | options_list(options)])

  # Whether `x` looks like an array.
  def is_array({:array, size, max, _default, _elements}) when is_integer(size) and is_integer(max),
    do: true

  def is_array(_), do: false

  # The number of entries.
  def size({:array, size, _, _, _}), do: size
  def size(_), do: :erlang.error(:badarg)

  # The value of entries never set.
  def default({:array, _, _, default, _}), do: default
  def default(_), do: :erlang.error(:badarg)

  # Whether the array has a fixed size (it does not grow on set).
  def is_fix({:array, _, 0, _, _}), do: true
  def is_fix({:array, _, _, _, _}), do: false
  def is_fix(_), do: :erlang.error(:badarg)

  # The array with its size fixed.
  def fix({:array, size, _max, default, elements}), do: {:array, size, 0, default, elements}
  def fix(_), do: :erlang.error(:badarg)

  # The array allowed to grow past its size again.
  def relax({:array, size, _max, default, elements}),
    do: {:array, size, find_max(size - 1, @leaf), default, elements}

  def relax(_), do: :erlang.error(:badarg)

  # The value at index `i` (>= 0): the default past the end of a growable
  # array, badarg past the end of a fixed one.
  def get(i, {:array, size, max, default, elements}) when is_integer(i) and i >= 0 do
    cond do
      i < size -> get_in_tree(elements, i, default)
      max > 0 -> default
      true -> :erlang.error(:badarg)
    end
  end

  def get(_, _), do: :erlang.error(:badarg)

  # The array with `value` at index `i` (>= 0); a growable array grows to
  # hold it, a fixed one fails with badarg past its end.
  def set(i, value, {:array, size, max, default, elements}) when is_integer(i) and i >= 0 do
    cond do
      i < size ->
        {:array, size, max, default, set_in_tree(elements, i, value, default)}

      max > 0 ->
        {new_max, grown} = grow(elements, i, max)
        {:array, i + 1, new_max, default, set_in_tree(grown, i, value, default)}

      true ->
        :erlang.error(:badarg)
    end
  end

  def set(_, _, _), do: :erlang.error(:badarg)

  # The array with the entry at `i` back to the default; past the end of
  # a growable array nothing changes.
  def reset(i, {:array, size, max, default, elements} = array) when is_integer(i) and i >= 0 do
    cond do
      i < size -> {:array, size, max, default, reset_in_tree(elements, i, default)}
      max > 0 -> array
      true -> :erlang.error(:badarg)
    end
  end

  def reset(_, _), do: :erlang.error(:badarg)

  # The array with `new_size` entries: growing adds default entries,
  # shrinking drops the last ones from view.
  def resize(new_size, {:array, size, max, default, elements})
      when is_integer(new_size) and new_size >= 0 do
    cond do
      new_size <= size ->
        {:array, new_size, max, default, elements}

      max > 0 ->
        {new_max, grown} = grow(elements, new_size - 1, max)
        {:array, new_size, new_max, default, grown}

      true ->
        {_, grown} = grow(elements, new_size - 1, find_max(size - 1, @leaf))
        {:array, new_size, 0, default, grown}
    end
  end

  def resize(_, _), do: :erlang.error(:badarg)

  # The array cut to its sparse size (just past its last non-default entry).
  def resize(array), do: resize(sparse_size(array), array)

  # One past the index of the last entry that is not the default, or 0.
  def sparse_size({:array, size, _, default, elements}) do
    case pairs(elements, size, {default, true, true}) do
      [] -> 0
      pairs -> elem(List.last(pairs), 0) + 1
    end
  end

  def sparse_size(_), do: :erlang.error(:badarg)

  # The entries in index order.
  def to_list({:array, size, _, default, elements}),
    do: fold_tree(elements, size, {default, false, true}, fn _i, v, acc -> [v | acc] end, []) |> Enum.reverse()

  def to_list(_), do: :erlang.error(:badarg)

  # The entries that are not the default, in index order.
  def sparse_to_list({:array, size, _, default, elements}),
    do: fold_tree(elements, size, {default, true, true}, fn _i, v, acc -> [v | acc] end, []) |> Enum.reverse()

  def sparse_to_list(_), do: :erlang.error(:badarg)

  # [{index, value}] for every entry.
  def to_orddict({:array, size, _, default, elements}),
    do: fold_tree(elements, size, {default, false, true}, fn i, v, acc -> [{i, v} | acc] end, []) |> Enum.reverse()

  def to_orddict(_), do: :erlang.error(:badarg)

  # [{index, value}] for the entries that are not the default.
  def sparse_to_orddict({:array, size, _, default, elements}),
    do: fold_tree(elements, size, {default, true, true}, fn i, v, acc -> [{i, v} | acc] end, []) |> Enum.reverse()

  def sparse_to_orddict(_), do: :erlang.error(:badarg)

  # A growable array of the list's values.
  def from_list(list), do: from_list(list, :undefined)

  def from_list(list, default) when is_list(list) do
    values = proper_list!(list)
    size = length(values)

    if size == 0 do
      {:array, 0, @leaf, default, @leaf}
    else
      cap = find_max(size - 1, @leaf)
      {tree, _rest} = build_from_list(cap, values, default)
      {:array, size, cap, default, tree}
    end
  end

  def from_list(_, _), do: :erlang.error(:badarg)

  # A growable array of an orddict's {index, value} pairs (strictly
  # increasing indices >= 0); a bad list fails with {:badarg, rest} for
  # the rest of the list from the first bad element.
  def from_orddict(list), do: from_orddict(list, :undefined)

  def from_orddict([], default), do: {:array, 0, @leaf, default, @leaf}

  def from_orddict(list, default) when is_list(list) do
    check_orddict(list, -1)
    {last, _} = List.last(list)
    size = last + 1
    cap = find_max(last, @leaf)
    {tree, []} = build_from_orddict(cap, 0, list, default)
    {:array, size, cap, default, tree}
  end

  def from_orddict(_, _), do: :erlang.error(:badarg)

  # The array with each entry replaced by fun.(index, value).
  def map(fun, {:array, size, max, default, elements}) when is_function(fun, 2),
    do: {:array, size, max, default, map_tree(elements, 0, size, default, fun)}

  def map(_, _), do: :erlang.error(:badarg)

  # map/2 over the entries that are not the default only.
  def sparse_map(fun, {:array, size, max, default, elements}) when is_function(fun, 2),
    do: {:array, size, max, default, sparse_map_tree(elements, 0, size, default, fun)}

  def sparse_map(_, _), do: :erlang.error(:badarg)

  # fun.(index, value, acc) over the entries from first to last.
  def foldl(fun, acc, {:array, size, _, default, elements}) when is_function(fun, 3),
    do: fold_tree(elements, size, {default, false, false}, fun, acc)

  def foldl(_, _, _), do: :erlang.error(:badarg)

  # foldl/3 over the entries that are not the default.
  def sparse_foldl(fun, acc, {:array, size, _, default, elements}) when is_function(fun, 3),
    do: fold_tree(elements, size, {default, true, false}, fun, acc)

  def sparse_foldl(_, _, _), do: :erlang.error(:badarg)

  # fun.(index, value, acc) over the entries from last to first.
  def foldr(fun, acc, {:array, size, _, default, elements}) when is_function(fun, 3),
    do: foldr_list(pairs(elements, size, {default, false, false}), fun, acc)

  def foldr(_, _, _), do: :erlang.error(:badarg)

  # foldr/3 over the entries that are not the default.
  def sparse_foldr(fun, acc, {:array, size, _, default, elements}) when is_function(fun, 3),
    do: foldr_list(pairs(elements, size, {default, true, false}), fun, acc)

  def sparse_foldr(_, _, _), do: :erlang.error(:badarg)

  # --- options -------------------------------------------------------

  defp options_list(options) when is_list(options), do: options
  defp options_list(option), do: [option]

  defp new_from_options(options) do
    {size, fixed, default} = Enum.reduce(options, {0, false, :undefined}, &option/2)
    cap = find_max(size - 1, @leaf)
    {:array, size, if(fixed, do: 0, else: cap), default, cap}
  end

  defp option(n, {_, _, default}) when is_integer(n) and n >= 0, do: {n, true, default}
  defp option({:size, n}, {_, _, default}) when is_integer(n) and n >= 0, do: {n, true, default}
  defp option(:fixed, {size, _, default}), do: {size, true, default}
  defp option({:fixed, fixed}, {size, _, default}) when is_boolean(fixed), do: {size, fixed, default}
  defp option({:default, default}, {size, fixed, _}), do: {size, fixed, default}
  defp option(_, _), do: :erlang.error(:badarg)

  # --- the tree ------------------------------------------------------

  # The smallest capacity 10^k (from `cap` up) with index `i` below it.
  defp find_max(i, cap) when i >= cap, do: find_max(i, cap * 10)
  defp find_max(_i, cap), do: cap

  # {max, elements} grown so that index `i` fits: an unexpanded tree just
  # becomes a larger number; an expanded one is wrapped as the first
  # child of new nodes, one level for each tenfold of `max`. (When `max`
  # is below the tree's real capacity, see relax/1, the tree grows oddly,
  # exactly as OTP's does; nodes record their child size, so reads still
  # find every entry.)
  defp grow(elements, i, _max) when is_integer(elements) do
    cap = find_max(i, elements)
    {cap, cap}
  end

  defp grow(elements, i, max) when i >= max do
    node = :erlang.make_tuple(11, max) |> put_elem(0, elements)
    grow(node, i, max * 10)
  end

  defp grow(elements, _i, max), do: {max, elements}

  # An unexpanded subtree of capacity `cap` made a leaf or node.
  defp expand(@leaf, default), do: :erlang.make_tuple(@leaf, default)
  defp expand(cap, _default), do: :erlang.make_tuple(11, div(cap, 10))

  defp get_in_tree(elements, _i, default) when is_integer(elements), do: default
  defp get_in_tree(leaf, i, _default) when tuple_size(leaf) == @leaf, do: elem(leaf, i)

  defp get_in_tree(node, i, default) do
    s = elem(node, 10)
    get_in_tree(elem(node, div(i, s)), rem(i, s), default)
  end

  defp set_in_tree(elements, i, value, default) when is_integer(elements),
    do: set_in_tree(expand(elements, default), i, value, default)

  defp set_in_tree(leaf, i, value, _default) when tuple_size(leaf) == @leaf, do: put_elem(leaf, i, value)

  defp set_in_tree(node, i, value, default) do
    s = elem(node, 10)
    k = div(i, s)
    put_elem(node, k, set_in_tree(elem(node, k), rem(i, s), value, default))
  end

  defp reset_in_tree(elements, _i, _default) when is_integer(elements), do: elements
  defp reset_in_tree(leaf, i, default) when tuple_size(leaf) == @leaf, do: put_elem(leaf, i, default)

  defp reset_in_tree(node, i, default) do
    s = elem(node, 10)
    k = div(i, s)
    put_elem(node, k, reset_in_tree(elem(node, k), rem(i, s), default))
  end

  defp capacity(elements) when is_integer(elements), do: elements
  defp capacity(leaf) when tuple_size(leaf) == @leaf, do: @leaf
  defp capacity(node), do: 10 * elem(node, 10)

  # fun.(index, value, acc) over the first `n` entries of a tree, in
  # order; with `sparse`, over those that are not the default only. The
  # folds count each child before the one holding entry n - 1 as the
  # parent's child size says; the lists (`whole`) take such a child whole,
  # counting indices so that the last entry taken is n - 1. The two only
  # differ for a tree grown oddly (see grow/3), as in OTP.
  defp fold_tree(elements, n, {_default, _sparse, true} = how, fun, acc),
    do: fold_tree(elements, n - visited(elements, n), n, how, fun, acc)

  defp fold_tree(elements, n, how, fun, acc), do: fold_tree(elements, 0, n, how, fun, acc)

  # The number of entries a whole fold takes from the first `n` of a tree.
  defp visited(_elements, n) when n <= 0, do: 0
  defp visited(elements, n) when is_integer(elements), do: n
  defp visited(leaf, n) when tuple_size(leaf) == @leaf, do: min(n, @leaf)

  defp visited(node, n) do
    s = elem(node, 10)
    last = div(n - 1, s)

    Enum.reduce(0..(last - 1)//1, 0, fn k, sum -> sum + capacity(elem(node, k)) end) +
      visited(elem(node, last), n - last * s)
  end

  defp fold_tree(_elements, _base, n, _how, _fun, acc) when n <= 0, do: acc
  defp fold_tree(elements, _base, _n, {_, true, _}, _fun, acc) when is_integer(elements), do: acc

  defp fold_tree(elements, base, n, {default, false, _}, fun, acc) when is_integer(elements),
    do: fold_defaults(base, base + n, default, fun, acc)

  defp fold_tree(leaf, base, n, {default, sparse, _}, fun, acc) when tuple_size(leaf) == @leaf do
    Enum.reduce(0..(min(n, @leaf) - 1)//1, acc, fn j, acc ->
      v = elem(leaf, j)
      if sparse and v === default, do: acc, else: fun.(base + j, v, acc)
    end)
  end

  defp fold_tree(node, base, n, {_, _, whole} = how, fun, acc) do
    s = elem(node, 10)
    last = div(n - 1, s)

    {_, acc} =
      Enum.reduce(0..last, {base, acc}, fn k, {base, acc} ->
        child = elem(node, k)

        count =
          cond do
            k == last -> n - k * s
            whole -> capacity(child)
            true -> s
          end

        {base + count, fold_tree(child, base, count, how, fun, acc)}
      end)

    acc
  end

  defp fold_defaults(i, stop, _default, _fun, acc) when i >= stop, do: acc
  defp fold_defaults(i, stop, default, fun, acc), do: fold_defaults(i + 1, stop, default, fun, fun.(i, default, acc))

  # The {index, value} pairs of the first `size` entries, in index order.
  defp pairs(elements, size, how),
    do: fold_tree(elements, size, how, fn i, v, acc -> [{i, v} | acc] end, []) |> Enum.reverse()

  defp foldr_list(pairs, fun, acc), do: List.foldr(pairs, acc, fn {i, v}, acc -> fun.(i, v, acc) end)

  # map/2 on the first `n` entries of a subtree; entries of a mapped leaf
  # past them become the default, subtrees past them stay as they are.
  defp map_tree(elements, _base, n, _default, _fun) when n <= 0, do: elements

  defp map_tree(elements, base, n, default, fun) when is_integer(elements),
    do: map_tree(expand(elements, default), base, n, default, fun)

  defp map_tree(leaf, base, n, default, fun) when tuple_size(leaf) == @leaf do
    for j <- 0..(@leaf - 1) do
      if j < n, do: fun.(base + j, elem(leaf, j)), else: default
    end
    |> List.to_tuple()
  end

  defp map_tree(node, base, n, default, fun) do
    s = elem(node, 10)
    last = div(n - 1, s)

    Enum.reduce(0..last, node, fn k, node ->
      child = elem(node, k)
      count = if k < last, do: s, else: n - k * s
      put_elem(node, k, map_tree(child, base + k * s, count, default, fun))
    end)
  end

  # sparse_map/2: unexpanded subtrees stay so, and every entry of a leaf
  # holding one of the first `n` entries is mapped unless it is the
  # default.
  defp sparse_map_tree(elements, _base, n, _default, _fun) when n <= 0, do: elements
  defp sparse_map_tree(elements, _base, _n, _default, _fun) when is_integer(elements), do: elements

  defp sparse_map_tree(leaf, base, _n, default, fun) when tuple_size(leaf) == @leaf do
    for j <- 0..(@leaf - 1) do
      v = elem(leaf, j)
      if v === default, do: v, else: fun.(base + j, v)
    end
    |> List.to_tuple()
  end

  defp sparse_map_tree(node, base, n, default, fun) do
    s = elem(node, 10)
    last = div(n - 1, s)

    Enum.reduce(0..last, node, fn k, node ->
      child = elem(node, k)
      count = if k < last, do: s, else: n - k * s
      put_elem(node, k, sparse_map_tree(child, base + k * s, count, default, fun))
    end)
  end

  # --- building ------------------------------------------------------

  defp proper_list!(list), do: proper_list!(list, [])
  defp proper_list!([x | rest], acc), do: proper_list!(rest, [x | acc])
  defp proper_list!([], acc), do: Enum.reverse(acc)
  defp proper_list!(_, _), do: :erlang.error(:badarg)

  # {subtree of capacity `cap` holding the first values, rest}; a subtree
  # with no values left is left unexpanded.
  defp build_from_list(cap, [], _default), do: {cap, []}

  defp build_from_list(@leaf, values, default) do
    {taken, rest} = Enum.split(values, @leaf)
    padding = List.duplicate(default, @leaf - length(taken))
    {List.to_tuple(taken ++ padding), rest}
  end

  defp build_from_list(cap, values, default) do
    s = div(cap, 10)

    {children, rest} =
      Enum.map_reduce(1..10, values, fn _, values -> build_from_list(s, values, default) end)

    {List.to_tuple(children ++ [s]), rest}
  end

  defp check_orddict([{i, _} | rest], last) when is_integer(i) and i > last, do: check_orddict(rest, i)
  defp check_orddict([], _last), do: :ok
  defp check_orddict(rest, _last), do: :erlang.error({:badarg, rest})

  # {subtree of capacity `cap` starting at index `base`, pairs past it}.
  defp build_from_orddict(cap, base, [{i, _} | _] = pairs, default) when i < base + cap do
    if cap == @leaf do
      {mine, rest} = Enum.split_while(pairs, fn {i, _} -> i < base + @leaf end)

      leaf =
        Enum.reduce(mine, :erlang.make_tuple(@leaf, default), fn {i, v}, leaf ->
          put_elem(leaf, i - base, v)
        end)

      {leaf, rest}
    else
      s = div(cap, 10)

      {children, rest} =
        Enum.map_reduce(0..9, pairs, fn k, pairs ->
          build_from_orddict(s, base + k * s, pairs, default)
        end)

      {List.to_tuple(children ++ [s]), rest}
    end
  end

  defp build_from_orddict(cap, _base, pairs, _default), do: {cap, pairs}
end
