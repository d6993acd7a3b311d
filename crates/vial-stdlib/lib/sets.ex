# Erlang's `sets` (OTP 25): unordered sets in two representations.
#
# Version 2 (`new(version: 2)`) is a map whose keys are the elements, each
# with the value `[]`.
#
# Version 1, the default, is a linear hash table:
#   {:set, size, n, maxn, bso, exp_size, con_size, empty, segs}
# `segs` is a tuple of segments, each a tuple of 16 buckets (lists, the
# newest element first); `empty` is an empty segment. `n` buckets are in
# use out of `maxn` addressable ones (`bso` = maxn / 2). An element lives
# in bucket phash(element, maxn), or that minus bso when beyond n. When
# size exceeds exp_size (5 per bucket) one more bucket is opened by
# splitting bucket n + 1 - bso; when size drops below con_size (3 per
# bucket) the last bucket is appended to its partner. The table never
# shrinks below 16 buckets. Elements of a version-1 set compare with =:=.
#
# `phash/2` below is erlang:phash/2 (the portable hash), rebuilt from
# experiments, in Vial code.
defmodule :sets do
  @seg_size 16
  @expand_load 5
  @contract_load 3

  # ---- construction ---------------------------------------------------------

  def new, do: new_v1()

  def new(opts) do
    case :proplists.get_value(:version, opts, 1) do
      1 -> new_v1()
      2 -> %{}
    end
  end

  def from_list(items), do: :lists.foldl(fn x, set -> add_element(x, set) end, new_v1(), items)

  def from_list(items, opts) do
    case :proplists.get_value(:version, opts, 1) do
      1 -> from_list(items)
      2 -> :maps.from_keys(items, [])
    end
  end

  defp new_v1 do
    empty = :erlang.make_tuple(@seg_size, [])

    {:set, 0, @seg_size, @seg_size, div(@seg_size, 2), @seg_size * @expand_load,
     @seg_size * @contract_load, empty, {empty}}
  end

  # ---- queries --------------------------------------------------------------

  def is_set(%{}), do: true
  def is_set({:set, _, _, _, _, _, _, _, _}), do: true
  def is_set(_), do: false

  def size(%{} = set), do: map_size(set)
  def size({:set, size, _, _, _, _, _, _, _}), do: size

  def is_empty(%{} = set), do: map_size(set) == 0
  def is_empty({:set, size, _, _, _, _, _, _, _}), do: size == 0

  def is_element(x, %{} = set), do: is_map_key(set, x)

  def is_element(x, {:set, _, _, _, _, _, _, _, _} = set),
    do: :lists.member(x, bucket(set, slot(set, x)))

  def to_list(%{} = set), do: :maps.keys(set)
  def to_list({:set, _, _, _, _, _, _, _, _} = set), do: fold(fn x, acc -> [x | acc] end, [], set)

  # Version 1: the buckets from the last to the first, each from its head.
  def fold(fun, acc, %{} = set) when is_function(fun, 2),
    do: :maps.fold(fn x, _, acc1 -> fun.(x, acc1) end, acc, set)

  def fold(fun, acc, {:set, _, _, _, _, _, _, _, segs}) when is_function(fun, 2),
    do: fold_segs(fun, acc, segs, tuple_size(segs))

  # ---- updates --------------------------------------------------------------

  def add_element(x, %{} = set), do: Map.put(set, x, [])

  def add_element(x, {:set, size, _, _, _, _, _, _, _} = set) do
    at = slot(set, x)
    items = bucket(set, at)

    if :lists.member(x, items) do
      set
    else
      set1 = put_bucket(set, at, [x | items])
      maybe_expand(put_elem(set1, 1, size + 1))
    end
  end

  def del_element(x, %{} = set), do: Map.delete(set, x)

  def del_element(x, {:set, size, _, _, _, _, _, _, _} = set) do
    at = slot(set, x)
    items = bucket(set, at)

    case remove_exact(x, items) do
      {:found, items1} ->
        set1 = put_bucket(set, at, items1)
        maybe_contract(put_elem(set1, 1, size - 1))

      :none ->
        set
    end
  end

  # Version 2: a new map (values []). Version 1: each bucket is filtered
  # in place (its kept elements end up in reverse order), then the table
  # contracts at most one step.
  def filter(pred, %{} = set) when is_function(pred, 1) do
    :maps.fold(
      fn x, _, acc ->
        case pred.(x) do
          true -> Map.put(acc, x, [])
          false -> acc
        end
      end,
      %{},
      set
    )
  end

  def filter(pred, {:set, _, _, _, _, _, _, _, segs} = set) when is_function(pred, 1) do
    {segs1, kept} = filter_segs(pred, segs, 1, tuple_size(segs), [], 0)
    set1 = put_elem(put_elem(set, 8, segs1), 1, kept)
    maybe_contract(set1)
  end

  # ---- set algebra ----------------------------------------------------------

  # Two maps merge (set2's values win); otherwise the smaller set's
  # elements are added to the larger (to set1 on a tie).
  def union(%{} = set1, %{} = set2), do: Map.merge(set1, set2)

  def union(set1, set2) do
    if size(set1) < size(set2) do
      fold(fn x, acc -> add_element(x, acc) end, set2, set1)
    else
      fold(fn x, acc -> add_element(x, acc) end, set1, set2)
    end
  end

  def union([set1, set2 | sets]), do: union_all(union(set1, set2), sets)
  def union([set]), do: set
  def union([]), do: new()

  defp union_all(acc, [set | sets]), do: union_all(union(acc, set), sets)
  defp union_all(acc, []), do: acc

  # The smaller set filtered (set2 on a tie); of two maps, the smaller
  # keeps its values.
  def intersection(%{} = set1, %{} = set2) do
    if map_size(set1) < map_size(set2) do
      keep_keys(set1, set2, true)
    else
      keep_keys(set2, set1, true)
    end
  end

  def intersection(set1, set2) do
    if size(set1) < size(set2) do
      filter(fn x -> is_element(x, set2) end, set1)
    else
      filter(fn x -> is_element(x, set1) end, set2)
    end
  end

  def intersection([set1, set2 | sets]), do: intersection_all(intersection(set1, set2), sets)
  def intersection([set]), do: set

  defp intersection_all(acc, [set | sets]), do: intersection_all(intersection(acc, set), sets)
  defp intersection_all(acc, []), do: acc

  def subtract(%{} = set1, %{} = set2), do: keep_keys(set1, set2, false)
  def subtract(set1, set2), do: filter(fn x -> not is_element(x, set2) end, set1)

  # The entries of map whose key is (or is not) in other. The values stay
  # unless many keys go: from the (removed - 1) * 4 >= size point on the
  # result is rebuilt with [] values.
  defp keep_keys(map, other, wanted) do
    {kept, removed} =
      :maps.fold(
        fn k, v, {acc, n} ->
          if is_map_key(other, k) == wanted, do: {Map.put(acc, k, v), n}, else: {acc, n + 1}
        end,
        {%{}, 0},
        map
      )

    if removed > 0 and (removed - 1) * 4 >= map_size(map) do
      :maps.map(fn _, _ -> [] end, kept)
    else
      kept
    end
  end

  def is_subset(set1, set2) do
    fold(fn x, acc -> acc and is_element(x, set2) end, true, set1)
  end

  def is_disjoint(set1, set2) do
    if size(set1) > size(set2) do
      none_in(set2, set1)
    else
      none_in(set1, set2)
    end
  end

  defp none_in(small, large) do
    fold(fn x, acc -> acc and not is_element(x, large) end, true, small)
  end

  # ---- version 1 table ------------------------------------------------------

  defp slot({:set, _, n, maxn, bso, _, _, _, _}, x) do
    h = phash(x, maxn)
    if h > n, do: h - bso, else: h
  end

  defp bucket({:set, _, _, _, _, _, _, _, segs}, at) do
    seg = elem(segs, div(at - 1, @seg_size))
    elem(seg, rem(at - 1, @seg_size))
  end

  defp put_bucket({:set, _, _, _, _, _, _, _, segs} = set, at, items) do
    i = div(at - 1, @seg_size)
    seg = put_elem(elem(segs, i), rem(at - 1, @seg_size), items)
    put_elem(set, 8, put_elem(segs, i, seg))
  end

  defp maybe_expand({:set, size, n, maxn, bso, exp_size, _, empty, segs})
       when size > exp_size do
    n1 = n + 1

    {maxn1, bso1, segs1} =
      if n1 > maxn do
        {2 * maxn, 2 * bso, grow_segs(segs, empty)}
      else
        {maxn, bso, segs}
      end

    set1 = {:set, size, n1, maxn1, bso1, n1 * @expand_load, n1 * @contract_load, empty, segs1}
    from = n1 - bso1
    {stay, move} = split_bucket(set1, bucket(set1, from), n1, [], [])
    put_bucket(put_bucket(set1, from, stay), n1, move)
  end

  defp maybe_expand(set), do: set

  # {items staying, items moving to bucket `to`}, each in the old order.
  defp split_bucket(set, [x | rest], to, stay, move) do
    if slot(set, x) == to do
      split_bucket(set, rest, to, stay, [x | move])
    else
      split_bucket(set, rest, to, [x | stay], move)
    end
  end

  defp split_bucket(_set, [], _to, stay, move), do: {:lists.reverse(stay), :lists.reverse(move)}

  defp maybe_contract({:set, size, n, maxn, bso, _, con_size, empty, _} = set)
       when size < con_size and n > @seg_size do
    into = n - bso
    merged = bucket(set, into) ++ bucket(set, n)
    {:set, _, _, _, _, _, _, _, segs} = put_bucket(put_bucket(set, n, []), into, merged)
    n1 = n - 1

    {maxn1, bso1, segs1} =
      if n1 == bso do
        {div(maxn, 2), div(bso, 2), shrink_segs(segs)}
      else
        {maxn, bso, segs}
      end

    {:set, size, n1, maxn1, bso1, n1 * @expand_load, n1 * @contract_load, empty, segs1}
  end

  defp maybe_contract(set), do: set

  # Twice as many segments, the new ones empty.
  defp grow_segs(segs, empty) do
    count = tuple_size(segs)
    :erlang.list_to_tuple(:erlang.tuple_to_list(segs) ++ :lists.duplicate(count, empty))
  end

  # The first half of the segments.
  defp shrink_segs(segs) do
    :erlang.list_to_tuple(:lists.sublist(:erlang.tuple_to_list(segs), div(tuple_size(segs), 2)))
  end

  defp fold_segs(_fun, acc, _segs, 0), do: acc

  defp fold_segs(fun, acc, segs, i) do
    acc1 = fold_buckets(fun, acc, elem(segs, i - 1), @seg_size)
    fold_segs(fun, acc1, segs, i - 1)
  end

  defp fold_buckets(_fun, acc, _seg, 0), do: acc

  defp fold_buckets(fun, acc, seg, j) do
    acc1 = fold_items(fun, acc, elem(seg, j - 1))
    fold_buckets(fun, acc1, seg, j - 1)
  end

  defp fold_items(fun, acc, [x | rest]), do: fold_items(fun, fun.(x, acc), rest)
  defp fold_items(_fun, acc, []), do: acc

  # {filtered segments, number of elements kept}
  defp filter_segs(_pred, _segs, i, count, done, kept) when i > count,
    do: {:erlang.list_to_tuple(:lists.reverse(done)), kept}

  defp filter_segs(pred, segs, i, count, done, kept) do
    {buckets, kept1} = filter_buckets(pred, :erlang.tuple_to_list(elem(segs, i - 1)), [], kept)
    filter_segs(pred, segs, i + 1, count, [:erlang.list_to_tuple(buckets) | done], kept1)
  end

  defp filter_buckets(pred, [items | rest], done, kept) do
    {items1, kept1} = filter_items(pred, items, [], kept)
    filter_buckets(pred, rest, [items1 | done], kept1)
  end

  defp filter_buckets(_pred, [], done, kept), do: {:lists.reverse(done), kept}

  defp filter_items(pred, [x | rest], acc, kept) do
    case pred.(x) do
      true -> filter_items(pred, rest, [x | acc], kept + 1)
      false -> filter_items(pred, rest, acc, kept)
    end
  end

  defp filter_items(_pred, [], acc, kept), do: {acc, kept}

  defp remove_exact(x, [y | rest]) when x === y, do: {:found, rest}

  defp remove_exact(x, [y | rest]) do
    case remove_exact(x, rest) do
      {:found, rest1} -> {:found, [y | rest1]}
      :none -> :none
    end
  end

  defp remove_exact(_x, []), do: :none

  # ---- erlang:phash/2 -------------------------------------------------------
  #
  # The 32-bit portable hash, worked out by experiment: each kind of term
  # folds into the running hash h (mod 2^32) with its own multiplier.
  #   integer  the 32-bit words of |n| from the least significant (0 is one
  #            zero word), each as 4 steps h*@p + byte (low byte first);
  #            then h*@f_pos, or h*@f_neg for a negative n
  #   float    h*@f_float + (low word bxor high word of the IEEE double),
  #            -0.0 as 0.0
  #   atom     h*@f_text + hashpjw of its name (Latin-1 when it can be,
  #            else UTF-8)
  #   binary   each byte h*@f_text + byte; then h*@f_neg + byte size
  #   []       h*@f_pos + 1
  #   list     each element: a byte 0..255 as h*@p + byte, anything else
  #            folded in; then the tail; then h*@f_list
  #   tuple    the elements in order; then h*@f_tuple + arity
  # phash(term, range) is hash rem range + 1.
  @p 268_439_161
  @f_pos 268_435_459
  @f_neg 268_436_141
  @f_float 268_437_017
  @f_text 268_440_163
  @f_list 268_437_511
  @f_tuple 268_439_627
  @mask 0xFFFFFFFF

  defp phash(term, range), do: rem(hash_term(term, 0), range) + 1

  defp hash_term(n, h) when is_integer(n) and n >= 0, do: mul(hash_words(n, h), @f_pos)
  defp hash_term(n, h) when is_integer(n), do: mul(hash_words(-n, h), @f_neg)

  defp hash_term(f, h) when is_float(f) do
    {lo, hi} = float_words(f)
    add(mul(h, @f_float), :erlang.bxor(lo, hi))
  end

  defp hash_term(a, h) when is_atom(a), do: add(mul(h, @f_text), hashpjw(atom_bytes(a), 0))

  defp hash_term(b, h) when is_binary(b) do
    h1 = hash_bytes(:erlang.binary_to_list(b), h)
    add(mul(h1, @f_neg), byte_size(b))
  end

  defp hash_term([], h), do: add(mul(h, @f_pos), 1)
  defp hash_term([_ | _] = list, h), do: mul(hash_cells(list, h), @f_list)

  defp hash_term(t, h) when is_tuple(t) do
    h1 = hash_elements(:erlang.tuple_to_list(t), h)
    add(mul(h1, @f_tuple), tuple_size(t))
  end

  # Maps, pids, references and funs: not worked out; a stand-in value.
  defp hash_term(other, h), do: add(mul(h, @f_tuple), :erlang.phash2(other))

  defp hash_words(n, h) do
    h1 = hash_word(:erlang.band(n, @mask), h)
    rest = :erlang.bsr(n, 32)
    if rest == 0, do: h1, else: hash_words(rest, h1)
  end

  defp hash_word(w, h) do
    h1 = add(mul(h, @p), :erlang.band(w, 255))
    h2 = add(mul(h1, @p), :erlang.band(:erlang.bsr(w, 8), 255))
    h3 = add(mul(h2, @p), :erlang.band(:erlang.bsr(w, 16), 255))
    add(mul(h3, @p), :erlang.bsr(w, 24))
  end

  defp hash_cells([x | rest], h) when is_integer(x) and x >= 0 and x <= 255,
    do: hash_cells(rest, add(mul(h, @p), x))

  defp hash_cells([x | rest], h), do: hash_cells(rest, hash_term(x, h))
  defp hash_cells(tail, h), do: hash_term(tail, h)

  defp hash_elements([x | rest], h), do: hash_elements(rest, hash_term(x, h))
  defp hash_elements([], h), do: h

  defp hash_bytes([b | rest], h), do: hash_bytes(rest, add(mul(h, @f_text), b))
  defp hash_bytes([], h), do: h

  defp hashpjw([c | rest], h) do
    h1 = :erlang.band(:erlang.bsl(h, 4) + c, @mask)
    g = :erlang.band(h1, 0xF0000000)

    h2 =
      if g == 0 do
        h1
      else
        :erlang.bxor(:erlang.bxor(h1, :erlang.bsr(g, 24)), g)
      end

    hashpjw(rest, h2)
  end

  defp hashpjw([], h), do: h

  # Latin-1 codes when every character has one, else the UTF-8 bytes.
  defp atom_bytes(a) do
    text = Atom.to_string(a)
    chars = String.to_charlist(text)
    if Enum.all?(chars, fn c -> c < 256 end), do: chars, else: :erlang.binary_to_list(text)
  end

  defp mul(a, b), do: :erlang.band(a * b, @mask)
  defp add(a, b), do: :erlang.band(a + b, @mask)

  # {low 32 bits, high 32 bits} of the IEEE 754 double.
  defp float_words(f) when f == 0, do: {0, 0}

  defp float_words(f) do
    sign = if f < 0, do: 1, else: 0
    a = abs(f)
    {x, e} = normalize(a, 0)

    {biased, mantissa} =
      if e >= -1022 do
        {e + 1023, trunc((x - 1.0) * 4_503_599_627_370_496.0)}
      else
        {0, trunc(scale_up(a, 1074))}
      end

    bits = sign * 9_223_372_036_854_775_808 + biased * 4_503_599_627_370_496 + mantissa
    {:erlang.band(bits, @mask), :erlang.bsr(bits, 32)}
  end

  # {x, e} with a = x * 2^e and 1 <= x < 2 (exact: only halvings and doublings).
  defp normalize(x, e) when x >= 2.0, do: normalize(x / 2.0, e + 1)
  defp normalize(x, e) when x < 1.0, do: normalize(x * 2.0, e - 1)
  defp normalize(x, e), do: {x, e}

  defp scale_up(x, 0), do: x
  defp scale_up(x, n), do: scale_up(x * 2.0, n - 1)
end
