# Erlang library modules that Elixir programs call directly, in Erlang's
# argument order, on top of Enum, List and Map: the functions of :timer,
# :lists, :proplists, :erlang, :binary, :unicode, :os, :maps, :sys,
# :ordsets and :counters that are not BIFs of Vial. (A BIF of the same
# name and arity takes precedence over a definition here.)

defmodule :timer do
  def sleep(ms), do: Process.sleep(ms)
  def seconds(s), do: s * 1000
  def minutes(m), do: m * 60_000
  def hours(h), do: h * 3_600_000
  def hms(h, m, s), do: hours(h) + minutes(m) + seconds(s)
  # The timer is {:send_local, ref}, as OTP 25 makes one for a local
  # destination.
  def send_after(ms, pid, message), do: {:ok, {:send_local, Process.send_after(pid, message, ms)}}
  def send_after(ms, message), do: send_after(ms, self(), message)

  # {microseconds, value}
  def tc(fun), do: tc(fun, [])

  def tc(fun, args) do
    t0 = System.monotonic_time(:microsecond)
    value = apply(fun, args)
    {System.monotonic_time(:microsecond) - t0, value}
  end

  def tc(module, fun, args) do
    t0 = System.monotonic_time(:microsecond)
    value = apply(module, fun, args)
    {System.monotonic_time(:microsecond) - t0, value}
  end

  def apply_after(ms, module, fun, args) do
    {:ok, {:once, spawn(fn -> after_ms(ms, fn -> apply(module, fun, args) end) end)}}
  end

  def exit_after(ms, pid, reason) do
    {:ok, {:once, spawn(fn -> after_ms(ms, fn -> Process.exit(pid, reason) end) end)}}
  end

  def exit_after(ms, reason), do: exit_after(ms, self(), reason)
  def kill_after(ms, pid), do: exit_after(ms, pid, :kill)
  def kill_after(ms), do: exit_after(ms, self(), :kill)

  # An interval runs in a process of its own, which stops when the
  # destination process dies or the interval is cancelled. Ticks keep to
  # the schedule (start + n * ms) rather than drifting by the time each
  # one takes.
  def send_interval(ms, pid, message) do
    interval(ms, pid, fn -> send(pid, message) end)
  end

  def send_interval(ms, message), do: send_interval(ms, self(), message)

  def apply_interval(ms, module, fun, args) do
    interval(ms, self(), fn -> spawn(module, fun, args) end)
  end

  def cancel({kind, pid}) when kind in [:once, :interval] and is_pid(pid) do
    Process.exit(pid, :kill)
    {:ok, :cancel}
  end

  def cancel({:send_local, ref}) when is_reference(ref) do
    Process.cancel_timer(ref)
    {:ok, :cancel}
  end

  def cancel(_), do: {:error, :badarg}

  defp after_ms(ms, fun) do
    receive do
    after
      ms -> fun.()
    end
  end

  defp interval(ms, dest, fun) do
    pid =
      spawn(fn ->
        watch = if is_pid(dest), do: Process.monitor(dest), else: make_ref()
        tick(System.monotonic_time(:millisecond) + ms, ms, watch, fun)
      end)

    {:ok, {:interval, pid}}
  end

  defp tick(due, ms, watch, fun) do
    wait = max(due - System.monotonic_time(:millisecond), 0)

    receive do
      {:DOWN, ^watch, _, _, _} -> :ok
    after
      wait ->
        fun.()
        tick(due + ms, ms, watch, fun)
    end
  end
end

# OTP's lists module, the functions not native to Vial. Bad arguments
# fail as in OTP 25: a function_clause naming the (internal) function
# whose clauses refuse them, or a case_clause.
defmodule :lists do
  # --- folds and maps ------------------------------------------------

  # fun.(x, acc) over the list from the left (foldl) or right (foldr).
  def foldl(fun, acc, list) when is_function(fun, 2) do
    case list do
      [x | rest] -> foldl_1(fun, fun.(x, acc), rest)
      [] -> acc
    end
  end

  defp foldl_1(fun, acc, [x | rest]), do: foldl_1(fun, fun.(x, acc), rest)
  defp foldl_1(_fun, acc, []), do: acc

  def foldr(fun, acc, list) when is_function(fun, 2), do: foldr_1(fun, acc, list)

  defp foldr_1(fun, acc, list) when is_list(list), do: List.foldr(list, acc, fun)

  # fun.(x) for each element.
  def map(fun, list) when is_function(fun, 1) do
    case list do
      [_ | _] -> Enum.map(list, fun)
      [] -> []
    end
  end

  # The elements for which pred.(x) is true.
  def filter(pred, list) when is_function(pred, 1) do
    if is_list(list), do: Enum.filter(list, pred), else: :erlang.error({:bad_generator, list})
  end

  # fun.(x) for each element, for its effects; :ok.
  def foreach(fun, list) when is_function(fun, 1), do: foreach_1(fun, list)

  defp foreach_1(fun, list) when is_list(list), do: Enum.each(list, fun)

  # Whether pred.(x) is true for some (any) or every (all) element.
  def any(pred, list) when is_function(pred, 1) do
    case list do
      [_ | _] -> Enum.any?(list, pred)
      [] -> false
    end
  end

  def all(pred, list) when is_function(pred, 1) do
    case list do
      [_ | _] -> Enum.all?(list, pred)
      [] -> true
    end
  end

  # The lists fun.(x) returns, appended.
  def flatmap(fun, list) when is_function(fun, 1), do: flatmap_1(fun, list)

  defp flatmap_1(fun, list) when is_list(list),
    do: list |> Enum.map(fun) |> List.foldr([], fn xs, acc -> xs ++ acc end)

  # {elements for which pred.(x) is true, the others}.
  def partition(pred, list) when is_function(pred, 1), do: partition_1(pred, list, [], [])

  defp partition_1(pred, [x | rest], yes, no) do
    if pred.(x), do: partition_1(pred, rest, [x | yes], no), else: partition_1(pred, rest, yes, [x | no])
  end

  defp partition_1(_pred, [], yes, no), do: {Enum.reverse(yes), Enum.reverse(no)}

  # The leading elements for which pred.(x) is true, or the rest after them.
  def takewhile(pred, list) when is_function(pred, 1), do: takewhile_1(pred, list)
  defp takewhile_1(pred, list) when is_list(list), do: Enum.take_while(list, pred)
  def dropwhile(pred, list) when is_function(pred, 1), do: dropwhile_1(pred, list)
  defp dropwhile_1(pred, list) when is_list(list), do: Enum.drop_while(list, pred)

  # {leading elements for which pred.(x) is true, the rest}.
  def splitwith(pred, list) when is_function(pred, 1), do: splitwith_1(pred, list, [])

  defp splitwith_1(pred, [x | rest] = list, taken) do
    if pred.(x), do: splitwith_1(pred, rest, [x | taken]), else: {Enum.reverse(taken), list}
  end

  defp splitwith_1(_pred, [], taken), do: {Enum.reverse(taken), []}

  # {mapped list, acc}: fun.(x, acc) returns {y, acc}, from the left
  # (mapfoldl) or the right (mapfoldr).
  def mapfoldl(fun, acc, list) when is_function(fun, 2), do: mapfoldl_1(fun, acc, list)
  defp mapfoldl_1(fun, acc, list) when is_list(list), do: Enum.map_reduce(list, acc, fun)

  def mapfoldr(fun, acc, list) when is_function(fun, 2), do: mapfoldr_1(fun, acc, list)

  defp mapfoldr_1(fun, acc, list) when is_list(list) do
    List.foldr(list, {[], acc}, fn x, {mapped, acc} ->
      {y, acc} = fun.(x, acc)
      {[y | mapped], acc}
    end)
  end

  # The elements for which fun.(x) returns true, or {true, value} (kept
  # as value); zf is its old name.
  def filtermap(fun, list) when is_function(fun, 1), do: filtermap_1(fun, list)
  def zf(fun, list), do: filtermap(fun, list)

  defp filtermap_1(fun, list) when is_list(list) do
    Enum.flat_map(list, fn x ->
      case fun.(x) do
        true -> [x]
        false -> []
        {true, value} -> [value]
      end
    end)
  end

  # {:value, x} for the first element for which pred.(x) is true, or false.
  def search(pred, list) when is_function(pred, 1), do: search_1(pred, list)

  defp search_1(pred, [x | rest]), do: if(pred.(x), do: {:value, x}, else: search_1(pred, rest))
  defp search_1(_pred, []), do: false

  # --- lists of lists ------------------------------------------------

  def append(a, b), do: a ++ b
  def append(lists) when is_list(lists), do: Enum.concat(lists)
  def subtract(a, b), do: a -- b

  # The elements of a deep list, before `tail`.
  def flatten(deep, tail) when is_list(deep) and is_list(tail), do: List.flatten(deep) ++ tail

  # The number of elements of a deep list.
  def flatlength(list), do: flatlength(list, 0)

  defp flatlength([x | rest], n) when is_list(x), do: flatlength(rest, flatlength(x, n))
  defp flatlength([_ | rest], n), do: flatlength(rest, n + 1)
  defp flatlength([], n), do: n

  # [{i, x}] numbering the elements from 1 (or `start`).
  def enumerate(list) when is_list(list), do: enumerate(1, list)

  def enumerate(start, list) when is_integer(start) and is_list(list),
    do: Enum.with_index(list, fn x, i -> {start + i, x} end)

  # The elements without repeats (of fun.(x)), first ones kept.
  def uniq(fun, list) when is_function(fun, 1) do
    if is_list(list),
      do: Enum.uniq_by(list, fun),
      else: function_clause({:uniq_2, 3})
  end

  # Lists of equal length only, as in OTP 25.
  def zip3(a, b, c) do
    if is_list(a) and is_list(b) and is_list(c) and length(a) == length(b) and length(b) == length(c),
      do: Enum.zip([a, b, c]),
      else: function_clause({:zip3, 3})
  end

  def zipwith(fun, [x | xs], [y | ys]), do: [fun.(x, y) | zipwith(fun, xs, ys)]
  def zipwith(fun, [], []) when is_function(fun, 2), do: []

  def zipwith3(fun, [x | xs], [y | ys], [z | zs]),
    do: [fun.(x, y, z) | zipwith3(fun, xs, ys, zs)]

  def zipwith3(fun, [], [], []) when is_function(fun, 3), do: []

  def unzip3(list), do: unzip3(list, [], [], [])

  defp unzip3([{a, b, c} | rest], as, bs, cs), do: unzip3(rest, [a | as], [b | bs], [c | cs])
  defp unzip3([], as, bs, cs), do: {Enum.reverse(as), Enum.reverse(bs), Enum.reverse(cs)}

  # The elements with `sep` between them.
  def join(_sep, []), do: []
  def join(sep, [first | rest]), do: [first | Enum.flat_map(rest, &[sep, &1])]

  # The text of each atom, number or charlist, joined: a charlist.
  def concat(things), do: flatmap(&thing_to_list/1, things)

  defp thing_to_list(x) when is_integer(x), do: Integer.to_charlist(x)
  defp thing_to_list(x) when is_float(x), do: :erlang.float_to_list(x)
  defp thing_to_list(x) when is_atom(x), do: Atom.to_charlist(x)
  defp thing_to_list(x) when is_list(x), do: x

  # --- sorting -------------------------------------------------------

  def sort(fun, list) when is_function(fun, 2) and is_list(list), do: Enum.sort(list, fun)

  # Sorted by `fun` (a <= b), keeping the first of elements it finds equal.
  def usort(fun, list) when is_function(fun, 2) and is_list(list) do
    list
    |> Enum.sort(fun)
    |> Enum.reduce([], fn
      x, [prev | _] = acc -> if fun.(x, prev), do: acc, else: [x | acc]
      x, [] -> [x]
    end)
    |> Enum.reverse()
  end

  # Sorted on the nth element, keeping the first of tuples with equal keys
  # (`==`: 1 and 1.0 are equal).
  def ukeysort(n, list) do
    case list do
      [_ | _] ->
        :lists.keysort(n, list)
        |> Enum.reduce([], fn
          t, [kept | _] = acc -> if elem(t, n - 1) == elem(kept, n - 1), do: acc, else: [t | acc]
          t, [] -> [t]
        end)
        |> Enum.reverse()

      [] ->
        []
    end
  end

  # Sorted lists merged: on equal elements, the earlier list's first; the
  # `u` forms keep one of equal elements (the earlier list's), the `key`
  # forms compare element `n`.
  def merge(a, []), do: a
  def merge(a, b) when is_list(a) and is_list(b), do: merge_by(a, b, &<=/2, [])
  def merge(lists) when is_list(lists), do: Enum.reduce(lists, [], &merge(&2, &1))
  def merge(fun, a, b) when is_function(fun, 2) and is_list(a) and is_list(b), do: merge_by(a, b, fun, [])
  def merge3(a, b, c), do: merge(merge(a, b), c)
  def umerge(a, []), do: a
  def umerge(a, b) when is_list(a) and is_list(b), do: umerge_by(a, b, &<=/2, &==/2, [])
  def umerge(lists) when is_list(lists), do: Enum.reduce(lists, [], &umerge(&2, &1))

  def umerge(fun, a, b) when is_function(fun, 2),
    do: umerge_by(a, b, fun, fn x, y -> fun.(x, y) and fun.(y, x) end, [])

  def umerge3(a, b, c), do: umerge(umerge(a, b), c)
  def keymerge(n, a, b), do: merge_by(a, b, &(elem(&1, n - 1) <= elem(&2, n - 1)), [])

  def ukeymerge(n, a, b),
    do: umerge_by(a, b, &(elem(&1, n - 1) <= elem(&2, n - 1)), &(elem(&1, n - 1) == elem(&2, n - 1)), [])

  # The same for lists sorted in reverse (descending) order: on equal
  # elements the later list's first, or for the `u` forms the earlier
  # list's only. With a fun, `fun.(a, b)` takes b before a.
  def rmerge(a, b), do: rmerge_checked(a, b, &<=/2, {:rmerge2_1, 4}, {:rmerge, 2})
  def rmerge(fun, a, b) when is_function(fun, 2), do: rmerge_checked(a, b, fun, {:rfmerge2_1, 5}, {:rmerge, 3})
  def rmerge3(a, b, c), do: rmerge(a, rmerge(b, c))
  def rumerge(a, b), do: rumerge_checked(a, b, &<=/2, {:rumerge2_1, 4}, {:rumerge, 2})
  def rumerge(fun, a, b) when is_function(fun, 2), do: rumerge_checked(a, b, fun, {:rufmerge2_1, 5}, {:rumerge, 3})
  def rumerge3(a, b, c), do: rumerge(a, rumerge(b, c))

  def rkeymerge(n, a, b) do
    case b do
      [] -> a
      [_ | _] -> rmerge_checked(a, b, &(elem(&1, n - 1) <= elem(&2, n - 1)), {:rkeymerge2_1, 6}, nil)
    end
  end

  def rukeymerge(n, a, b) do
    case b do
      [] -> a
      [_ | _] -> rumerge_checked(a, b, &(elem(&1, n - 1) <= elem(&2, n - 1)), {:rukeymerge2_1, 6}, nil)
    end
  end

  # The first list as it is when the second is empty; else both lists,
  # or a function_clause naming OTP's function that refuses them (the
  # internal one for a bad first list, the called one for a bad second).
  defp rmerge_checked(a, [], _le?, _inner, _outer), do: a
  defp rmerge_checked(a, [_ | _] = b, le?, _inner, _outer) when is_list(a), do: rmerge_by(a, b, le?, [])
  defp rmerge_checked(_a, [_ | _], _le?, inner, _outer), do: function_clause(inner)
  defp rmerge_checked(_a, _b, _le?, _inner, outer), do: function_clause(outer)

  defp rumerge_checked(a, [], _le?, _inner, _outer), do: a
  defp rumerge_checked(a, [_ | _] = b, le?, _inner, _outer) when is_list(a), do: rumerge_by(a, b, le?, [])
  defp rumerge_checked(_a, [_ | _], _le?, inner, _outer), do: function_clause(inner)
  defp rumerge_checked(_a, _b, _le?, _inner, outer), do: function_clause(outer)

  defp function_clause({name, arity}), do: raise(FunctionClauseError, module: :lists, function: name, arity: arity)

  defp merge_by([x | a], [y | b] = ys, first?, acc) do
    if first?.(x, y), do: merge_by(a, ys, first?, [x | acc]), else: merge_by([x | a], b, first?, [y | acc])
  end

  defp merge_by(a, [], _first?, acc), do: Enum.reverse(acc, a)
  defp merge_by([], b, _first?, acc), do: Enum.reverse(acc, b)

  defp umerge_by([x | a], [y | b] = ys, first?, same?, acc) do
    cond do
      same?.(x, y) -> umerge_by(a, b, first?, same?, [x | acc])
      first?.(x, y) -> umerge_by(a, ys, first?, same?, [x | acc])
      true -> umerge_by([x | a], b, first?, same?, [y | acc])
    end
  end

  defp umerge_by(a, [], _first?, _same?, acc), do: Enum.reverse(acc, a)
  defp umerge_by([], b, _first?, _same?, acc), do: Enum.reverse(acc, b)

  defp rmerge_by([x | a] = xs, [y | b] = ys, le?, acc) do
    if le?.(x, y), do: rmerge_by(xs, b, le?, [y | acc]), else: rmerge_by(a, ys, le?, [x | acc])
  end

  defp rmerge_by(a, [], _le?, acc), do: Enum.reverse(acc, a)
  defp rmerge_by([], b, _le?, acc), do: Enum.reverse(acc, b)

  defp rumerge_by([x | a] = xs, [y | b] = ys, le?, acc) do
    cond do
      not le?.(x, y) -> rumerge_by(a, ys, le?, [x | acc])
      le?.(y, x) -> rumerge_by(a, b, le?, [x | acc])
      true -> rumerge_by(xs, b, le?, [y | acc])
    end
  end

  defp rumerge_by(a, [], _le?, acc), do: Enum.reverse(acc, a)
  defp rumerge_by([], b, _le?, acc), do: Enum.reverse(acc, b)

  # --- tuples --------------------------------------------------------

  def keysearch(key, n, list) do
    case :lists.keyfind(key, n, list) do
      false -> false
      tuple -> {:value, tuple}
    end
  end

  # The tuples with element `n` replaced by fun.(element).
  def keymap(fun, n, list) when is_function(fun, 1) and is_integer(n) and n >= 1 and is_list(list),
    do: Enum.map(list, fn t -> put_elem(t, n - 1, fun.(elem(t, n - 1))) end)
end

# OTP's proplists module. A property is an atom `a` (short for {a,
# true}) or a tuple whose first element is its key ({key, value} being
# the usual form); other list elements are ignored. Keys match exactly
# (=:=).
defmodule :proplists do
  # The value of the first property with the key: true for an atom,
  # value for {key, value}, else `default` (:undefined).
  def get_value(key, list), do: get_value(key, list, :undefined)

  def get_value(key, [p | rest], default) do
    cond do
      p === key and is_atom(p) -> true
      is_tuple(p) and tuple_size(p) >= 1 and elem(p, 0) === key -> if tuple_size(p) == 2, do: elem(p, 1), else: default
      true -> get_value(key, rest, default)
    end
  end

  def get_value(_key, [], default), do: default

  # Whether the first property with the key is true.
  def get_bool(key, list), do: lookup(key, list) === {key, true}

  # The keys of the properties, as a set's list.
  def get_keys(list), do: :sets.to_list(get_keys(list, :sets.new()))

  defp get_keys([p | rest], keys) do
    case key(p) do
      {:ok, k} -> get_keys(rest, :sets.add_element(k, keys))
      :error -> get_keys(rest, keys)
    end
  end

  defp get_keys([], keys), do: keys

  # The first property with the key (an atom as {atom, true}), or :none.
  def lookup(key, [p | rest]) do
    if has_key?(p, key), do: normal(p), else: lookup(key, rest)
  end

  def lookup(_key, []), do: :none

  # Every property with the key.
  def lookup_all(key, [p | rest]) do
    if has_key?(p, key), do: [normal(p) | lookup_all(key, rest)], else: lookup_all(key, rest)
  end

  def lookup_all(_key, []), do: []

  # The values of the {key, value} (and atom) properties with the key.
  def get_all_values(key, [p | rest]) do
    cond do
      p === key and is_atom(p) -> [true | get_all_values(key, rest)]
      is_tuple(p) and tuple_size(p) == 2 and elem(p, 0) === key -> [elem(p, 1) | get_all_values(key, rest)]
      true -> get_all_values(key, rest)
    end
  end

  def get_all_values(_key, []), do: []

  # The values of the properties with the key, appended (a list value is
  # appended element by element).
  def append_values(key, [p | rest]) do
    cond do
      p === key and is_atom(p) -> [true | append_values(key, rest)]
      is_tuple(p) and tuple_size(p) == 2 and elem(p, 0) === key -> list_of(elem(p, 1)) ++ append_values(key, rest)
      true -> append_values(key, rest)
    end
  end

  def append_values(_key, []), do: []

  # Whether some property has the key.
  def is_defined(key, [p | rest]), do: has_key?(p, key) or is_defined(key, rest)
  def is_defined(_key, []), do: false

  # The list without the properties with the key.
  def delete(key, [p | rest]), do: if(has_key?(p, key), do: delete(key, rest), else: [p | delete(key, rest)])
  def delete(_key, []), do: []

  # A property in its short form: {key, true} as key (for an atom key).
  def property({key, true}) when is_atom(key), do: key
  def property(p), do: p

  def property(key, true) when is_atom(key), do: key
  def property(key, value), do: {key, value}

  # The list with {atom, true} properties shortened (compact) or atoms
  # lengthened to {atom, true} (unfold).
  def compact(list), do: Enum.map(generator(list), &property/1)

  def unfold([p | rest]) when is_atom(p), do: [{p, true} | unfold(rest)]
  def unfold([p | rest]), do: [p | unfold(rest)]
  def unfold([]), do: []

  # A map of the properties; of properties with the same key, the first.
  # With stages, the list normalized first (see normalize/2).
  def to_map(list) do
    :lists.foldr(
      fn
        {k, v}, map -> Map.put(map, k, v)
        p, map when is_atom(p) -> Map.put(map, p, true)
        _, map -> map
      end,
      %{},
      list
    )
  end

  def to_map(list, stages), do: to_map(apply_stages(list, stages))

  # The map's entries as {key, value} properties.
  def from_map(map) when is_map(map), do: Map.to_list(map)
  def from_map(other), do: :erlang.error({:badmap, other})

  # {[properties with each key], the other properties}.
  def split(list, keys), do: split(list, keys, [])

  defp split([p | rest], keys, seen), do: split(rest, keys, [p | seen])

  defp split([], keys, seen) do
    list = Enum.reverse(seen)
    groups = Enum.map(keys, fn k -> Enum.filter(list, &has_key?(&1, k)) end)
    {groups, Enum.reject(list, fn p -> Enum.any?(keys, &has_key?(p, &1)) end)}
  end

  # The keys renamed: {k1, k2} in `aliases` renames k1 to k2.
  def substitute_aliases(aliases, list), do: for(p <- generator(list), do: substitute_aliases_1(aliases, p))

  defp substitute_aliases_1([{k, k2} | aliases], p) do
    cond do
      not has_key?(p, k) -> substitute_aliases_1(aliases, p)
      is_atom(p) -> k2
      true -> put_elem(p, 0, k2)
    end
  end

  defp substitute_aliases_1([], p), do: p

  # The keys renamed and their values negated: {k1, k2} in `negations`
  # turns k1 and {k1, true} into {k2, false}, and other k1 properties
  # into k2.
  def substitute_negations(negations, list),
    do: for(p <- generator(list), do: substitute_negations_1(negations, p))

  defp substitute_negations_1([{k, k2} | negations], p) do
    cond do
      not has_key?(p, k) -> substitute_negations_1(negations, p)
      p === k or p === {k, true} -> {k2, false}
      true -> k2
    end
  end

  defp substitute_negations_1([], p), do: p

  # Each {property, expansion} pair replaces the first property with that
  # key, if it is the same property, by the expansion's terms, and drops
  # the later properties with the key.
  def expand(expansions, list) do
    expansions
    |> generator()
    |> Enum.reduce(list, fn {property, expansion}, list -> expand_one(list, normal(property), expansion) end)
    |> Enum.flat_map(fn
      {:"$expansion", terms} when is_list(terms) -> terms
      {:"$expansion", term} -> [term]
      p -> [p]
    end)
  end

  # The list through the stages in order ({:aliases, a}, {:negations, n},
  # {:expand, e}), then compacted.
  def normalize(list, stages), do: compact(apply_stages(list, stages))

  # --- helpers -------------------------------------------------------

  defp apply_stages(list, [{:aliases, aliases} | stages]), do: apply_stages(substitute_aliases(aliases, list), stages)
  defp apply_stages(list, [{:negations, negations} | stages]), do: apply_stages(substitute_negations(negations, list), stages)
  defp apply_stages(list, [{:expand, expansions} | stages]), do: apply_stages(expand(expansions, list), stages)
  defp apply_stages(list, []), do: list

  defp key(p) when is_atom(p), do: {:ok, p}
  defp key(p) when is_tuple(p) and tuple_size(p) >= 1, do: {:ok, elem(p, 0)}
  defp key(_), do: :error

  defp has_key?(p, key), do: key(p) === {:ok, key}

  defp normal(p) when is_atom(p), do: {p, true}
  defp normal(p), do: p

  defp list_of(v) when is_list(v), do: v
  defp list_of(v), do: [v]

  defp generator(list) when is_list(list), do: list
  defp generator(other), do: :erlang.error({:bad_generator, other})

  defp expand_one(list, property, expansion) do
    case key(property) do
      {:ok, k} ->
        case Enum.split_while(list, &(not has_key?(&1, k))) do
          {before, [first | after_]} ->
            if normal(first) === property,
              do: before ++ [{:"$expansion", expansion} | Enum.reject(after_, &has_key?(&1, k))],
              else: list

          {_, []} ->
            list
        end

      :error ->
        list
    end
  end
end

defmodule :erlang do
  def spawn_opt(fun, opts), do: Process.spawn(fun, opts)
  def spawn_opt(module, fun, args, opts), do: Process.spawn(module, fun, args, opts)
  # Gives way to other processes: Vial's schedulers preempt by reductions,
  # so this only returns.
  def yield, do: true
  def apply(fun, args), do: apply(fun, args)
  def apply(module, fun, args), do: apply(module, fun, args)
  def list_to_integer(chars) when is_list(chars), do: String.to_integer(List.to_string(chars))
  def list_to_integer(chars, base) when is_list(chars), do: String.to_integer(List.to_string(chars), base)
  def iolist_size(iodata), do: IO.iodata_length(iodata)
  def integer_to_list(n, base), do: String.to_charlist(:erlang.integer_to_binary(n, base))
  def split_binary(bin, pos) when is_binary(bin), do: {binary_part(bin, 0, pos), binary_part(bin, pos, byte_size(bin) - pos)}
  def garbage_collect, do: true
  def garbage_collect(pid) when is_pid(pid), do: Process.alive?(pid)

  def atom_to_binary(atom, encoding) when encoding in [:utf8, :unicode, :latin1],
    do: Atom.to_string(atom)

  def float_to_list(f) when is_float(f), do: String.to_charlist(:erlang.float_to_binary(f))
  def float_to_list(f, opts) when is_float(f), do: String.to_charlist(:erlang.float_to_binary(f, opts))
  def list_to_float(chars) when is_list(chars), do: :erlang.binary_to_float(List.to_string(chars))
  def binary_part(bin, {pos, len}), do: binary_part(bin, pos, len)
  def size(t) when is_tuple(t), do: tuple_size(t)
  def size(b) when is_binary(b), do: byte_size(b)
  def append(a, b), do: a ++ b
  def subtract(a, b), do: a -- b
  def map_get(key, map), do: :maps.get(key, map)

  def make_tuple(n, default, init) when is_integer(n) and is_list(init) do
    Enum.reduce(init, :erlang.make_tuple(n, default), fn {pos, value}, t ->
      put_elem(t, pos - 1, value)
    end)
  end

  # Bytes `start` to `stop` (1-based, inclusive).
  def binary_to_list(bin, start, stop) when is_binary(bin) and start >= 1 and stop >= start - 1,
    do: :erlang.binary_to_list(binary_part(bin, start - 1, stop - start + 1))

  def hibernate(module, function, args), do: Process.hibernate(module, function, args)

  # Raises OTP's ArgumentError naming each bad argument: args are
  # {position, reason}, a nil reason for a good one; :ok when all are good.
  def __argument_errors__(args) do
    case for({n, reason} <- args, reason != nil, do: "  * #{ordinal(n)} argument: #{reason}\n") do
      [] -> :ok
      lines -> raise ArgumentError, "errors were found at the given arguments:\n\n" <> Enum.join(lines)
    end
  end

  defp ordinal(1), do: "1st"
  defp ordinal(2), do: "2nd"
  defp ordinal(3), do: "3rd"
  defp ordinal(n), do: "#{n}th"

  # Prints the term in Erlang's syntax and a newline on standard output (a
  # debugging aid that bypasses the group leader on the BEAM).
  def display(term) do
    IO.write(:vial_io.format("~w~n", [term]))
    true
  end
end

# OTP's binary module. Bad arguments raise ArgumentError with the
# message OTP's extended error information gives, naming each bad
# argument. match/2, matches/2 and split/2,3 are BIFs.
defmodule :binary do
  # A binary of `n` copies of `bin`.
  def copy(bin), do: copy(bin, 1)

  def copy(bin, n) do
    check([{1, binary_error(bin)}, {2, count_error(n)}])
    String.duplicate(bin, n)
  end

  # The first or last byte of a non-empty binary.
  def first(bin), do: end_byte(bin, 0)
  def last(bin), do: end_byte(bin, byte_size_or_0(bin) - 1)

  # The byte at position `pos` (0-based).
  def at(bin, pos) do
    check([{1, binary_error(bin)}, {2, if(is_integer(pos), do: nil, else: "not an integer")}])
    check([{2, if(pos < 0, do: "out of range")}])
    if pos >= byte_size(bin), do: :erlang.error(:badarg)
    byte_at(bin, pos)
  end

  # The part of `bin` at `pos` of `len` bytes (`len` may be negative, for
  # the bytes before `pos`).
  def part(bin, {pos, len}) do
    check([{1, binary_error(bin)}])
    check_part(bin, pos, len, 2, 2)
    binary_part(bin, pos, len)
  end

  def part(bin, _), do: check([{1, binary_error(bin)}, {2, "not a valid {Pos,Length} tuple"}])

  # (Vial's BIF binary part/3 is the one called from outside this module.)
  def part(bin, pos, len) do
    check([
      {1, binary_error(bin)},
      {2, if(is_integer(pos), do: nil, else: "not an integer")},
      {3, if(is_integer(len), do: nil, else: "not an integer")}
    ])

    check_part(bin, pos, len, 2, 3)
    binary_part(bin, pos, len)
  end

  # The bytes of `bin`, or of a part of it, as a list.
  def bin_to_list(bin) do
    check([{1, binary_error(bin)}])
    :erlang.binary_to_list(bin)
  end

  def bin_to_list(bin, part), do: :erlang.binary_to_list(part(bin, part))
  def bin_to_list(bin, pos, len), do: :erlang.binary_to_list(part(bin, pos, len))

  def list_to_bin(list), do: :erlang.list_to_binary(list)

  # The number of bytes the binary refers to (here, its size).
  def referenced_byte_size(bin) do
    check([{1, binary_error(bin)}])
    byte_size(bin)
  end

  # A pattern for match, matches, split and replace: here the pattern
  # itself (a non-empty binary or list of them), once checked.
  def compile_pattern(pattern) do
    check([{1, pattern_error(pattern)}])
    pattern
  end

  # {pos, len} of the first match of the pattern (the longest, of those
  # starting there), or :nomatch; options: [{:scope, {pos, len}}].
  def match(subject, pattern, options) do
    check([{1, binary_error(subject)}, {2, pattern_error(pattern)}])
    {from, len} = search_scope(subject, options)

    case :binary.match(binary_part(subject, from, len), pattern) do
      {pos, n} -> {pos + from, n}
      :nomatch -> :nomatch
    end
  end

  # Every non-overlapping match, from the left, as match/3 finds them.
  def matches(subject, pattern, options) do
    check([{1, binary_error(subject)}, {2, pattern_error(pattern)}])
    {from, len} = search_scope(subject, options)

    for {pos, n} <- :binary.matches(binary_part(subject, from, len), pattern),
        do: {pos + from, n}
  end

  # The subject with the first (or with :global, every) match replaced.
  # Options: :global, {:scope, {pos, len}}, and {:insert_replaced, pos or
  # [pos]}: where in the replacement to insert the part replaced.
  def replace(subject, pattern, replacement), do: replace(subject, pattern, replacement, [])

  def replace(subject, pattern, replacement, options) do
    check([
      {1, binary_error(subject)},
      {2, pattern_error(pattern)},
      {3, binary_error(replacement)}
    ])

    {global, scope, inserts} = replace_options(subject, replacement, options)
    scope_opts = [{:scope, scope}]

    found =
      if global do
        matches(subject, pattern, scope_opts)
      else
        case match(subject, pattern, scope_opts) do
          :nomatch -> []
          m -> [m]
        end
      end

    {pieces, at} =
      Enum.reduce(found, {[], 0}, fn {pos, n}, {pieces, at} ->
        matched = binary_part(subject, pos, n)
        {[with_inserts(replacement, inserts, matched), binary_part(subject, at, pos - at) | pieces], pos + n}
      end)

    IO.iodata_to_binary(Enum.reverse([binary_part(subject, at, byte_size(subject) - at) | pieces]))
  end

  # The binary as hexadecimal digits, upper case (or :lowercase).
  def encode_hex(bin), do: encode_hex(bin, :uppercase)

  def encode_hex(bin, letter_case) do
    check([
      {1, binary_error(bin)},
      {2, if(letter_case in [:uppercase, :lowercase], do: nil, else: "must be 'uppercase' or 'lowercase'")}
    ])

    :vial_base.encode16(bin, if(letter_case == :uppercase, do: :upper, else: :lower))
  end

  # The bytes that hexadecimal digits (of either case) stand for.
  def decode_hex(hex) do
    check([{1, binary_error(hex)}])
    check([{1, if(rem(byte_size(hex), 2) == 1, do: "must contain an even number of bytes")}])
    decode_hex(:erlang.binary_to_list(hex), [])
  end

  # The bytes of a non-negative integer, most significant first (:big)
  # or last (:little).
  def encode_unsigned(n), do: encode_unsigned(n, :big)

  def encode_unsigned(n, endian) do
    check([
      {1, cond do
        not is_integer(n) -> "not an integer"
        n < 0 -> "out of range"
        true -> nil
      end},
      {2, endian_error(endian)}
    ])

    bytes = unsigned_bytes(n, [])
    :erlang.list_to_binary(if(endian == :big, do: bytes, else: Enum.reverse(bytes)))
  end

  # The non-negative integer that a binary's bytes stand for.
  def decode_unsigned(bin), do: decode_unsigned(bin, :big)

  def decode_unsigned(bin, endian) do
    check([{1, binary_error(bin)}, {2, endian_error(endian)}])
    bytes = :erlang.binary_to_list(bin)
    bytes = if endian == :big, do: bytes, else: Enum.reverse(bytes)
    Enum.reduce(bytes, 0, fn byte, n -> n * 256 + byte end)
  end

  # The length of the longest prefix (suffix) that all the binaries share.
  def longest_common_prefix(bins) do
    check_binaries(bins)
    common_length(Enum.map(bins, &:erlang.binary_to_list/1))
  end

  def longest_common_suffix(bins) do
    check_binaries(bins)
    common_length(Enum.map(bins, &Enum.reverse(:erlang.binary_to_list(&1))))
  end

  # --- helpers -------------------------------------------------------

  defp check(args), do: :erlang.__argument_errors__(args)

  defp binary_error(bin) when is_binary(bin), do: nil
  defp binary_error(_), do: "not a binary"

  defp count_error(n) when is_integer(n) and n >= 0, do: nil
  defp count_error(n) when is_integer(n), do: "out of range"
  defp count_error(_), do: "not an integer"

  defp endian_error(endian) when endian in [:big, :little], do: nil
  defp endian_error(_), do: "must be 'big' or 'little'"

  defp pattern_error(p) when is_binary(p) and byte_size(p) > 0, do: nil

  defp pattern_error([_ | _] = ps) do
    if Enum.all?(ps, &(is_binary(&1) and byte_size(&1) > 0)), do: nil, else: "not a valid pattern"
  end

  defp pattern_error(_), do: "not a valid pattern"

  defp check_binaries(bins) do
    ok = is_list(bins) and bins != [] and Enum.all?(bins, &is_binary/1)
    check([{1, if(ok, do: nil, else: "not a flat list of binaries")}])
  end

  defp byte_size_or_0(bin) when is_binary(bin), do: byte_size(bin)
  defp byte_size_or_0(_), do: 0

  defp end_byte(bin, pos) do
    check([{1, binary_error(bin)}])
    check([{1, if(byte_size(bin) == 0, do: "a zero-sized binary is not allowed")}])
    byte_at(bin, pos)
  end

  defp byte_at(bin, pos) do
    [byte] = :erlang.binary_to_list(binary_part(bin, pos, 1))
    byte
  end

  # The part {pos, len} must lie within the binary: the start is the
  # argument `pos_arg`, the length `len_arg`.
  defp check_part(bin, pos, len, pos_arg, len_arg) do
    check([{pos_arg, if(is_integer(pos) and is_integer(len), do: nil, else: "not a valid {Pos,Length} tuple")}])
    check([{pos_arg, if(pos < 0 or pos > byte_size(bin), do: "out of range")}])
    check([{len_arg, if(pos + len < 0 or pos + len > byte_size(bin), do: "out of range")}])
  end

  # {from, len} searched by match/3 and matches/3.
  defp search_scope(subject, options) do
    scope =
      if is_list(options) do
        Enum.reduce(options, {0, byte_size(subject)}, fn
          {:scope, {pos, len}}, _ when is_integer(pos) and is_integer(len) -> {pos, len}
          _, _ -> :invalid
        end)
      else
        :invalid
      end

    check([{3, if(scope == :invalid, do: "invalid options")}])
    {from, len} = forward(scope)
    inside = from >= 0 and len >= 0 and from + len <= byte_size(subject)
    check([{3, if(inside, do: nil, else: "specified part is not wholly inside binary")}])
    {from, len}
  end

  defp forward({pos, len}) when len < 0, do: {pos + len, -len}
  defp forward(part), do: part

  # {global, scope, insert positions} from replace/4's options.
  defp replace_options(subject, replacement, options) do
    parsed =
      if is_list(options) do
        Enum.reduce(options, {false, {0, byte_size(subject)}, []}, fn
          _, :invalid -> :invalid
          :global, {_, scope, ins} -> {true, scope, ins}
          {:scope, {pos, len}}, {g, _, ins} when is_integer(pos) and is_integer(len) -> {g, forward({pos, len}), ins}
          {:insert_replaced, ins}, {g, scope, _} -> {g, scope, List.wrap(ins)}
          _, _ -> :invalid
        end)
      else
        :invalid
      end

    valid =
      case parsed do
        {_, {from, len}, ins} ->
          from >= 0 and len >= 0 and from + len <= byte_size(subject) and
            Enum.all?(ins, &(is_integer(&1) and &1 >= 0 and &1 <= byte_size(replacement)))

        :invalid ->
          false
      end

    check([{4, if(valid, do: nil, else: "invalid options")}])
    {global, scope, ins} = parsed
    {global, scope, Enum.sort(ins)}
  end

  # The replacement with the matched bytes inserted at the positions.
  defp with_inserts(replacement, [], _matched), do: replacement

  defp with_inserts(replacement, positions, matched) do
    {pieces, at} =
      Enum.reduce(positions, {[], 0}, fn pos, {pieces, at} ->
        {[matched, binary_part(replacement, at, pos - at) | pieces], pos}
      end)

    IO.iodata_to_binary(Enum.reverse([binary_part(replacement, at, byte_size(replacement) - at) | pieces]))
  end

  defp decode_hex([], acc), do: :erlang.list_to_binary(Enum.reverse(acc))

  defp decode_hex([a, b | rest], acc) do
    case {hex_value(a), hex_value(b)} do
      {x, y} when is_integer(x) and is_integer(y) -> decode_hex(rest, [x * 16 + y | acc])
      _ -> check([{1, :erlang.list_to_binary([a, b]) <> " is not a valid hex"}])
    end
  end

  defp hex_value(c) when c in ?0..?9, do: c - ?0
  defp hex_value(c) when c in ?a..?f, do: c - ?a + 10
  defp hex_value(c) when c in ?A..?F, do: c - ?A + 10
  defp hex_value(_), do: nil

  defp unsigned_bytes(n, acc) when n < 256, do: [n | acc]
  defp unsigned_bytes(n, acc), do: unsigned_bytes(div(n, 256), [rem(n, 256) | acc])

  defp common_length([first | rest]),
    do: Enum.reduce(rest, Kernel.length(first), &min(prefix_length(&1, first, 0), &2))

  defp prefix_length([x | a], [x | b], n), do: prefix_length(a, b, n + 1)
  defp prefix_length(_, _, n), do: n
end

defmodule :os do
  def type, do: {:unix, :linux}
  def getenv(name) when is_list(name), do: (System.get_env(List.to_string(name)) || false) |> to_list()
  defp to_list(false), do: false
  defp to_list(s), do: String.to_charlist(s)
end

# OTP's maps module, the functions not native to Vial. Bad arguments
# fail as in OTP 25: {:badmap, term} (BadMapError), {:badkey, key}
# (KeyError), or ArgumentError naming each bad argument.
defmodule :maps do
  # fun.(key, value, acc) over the entries of a map (or iterator).
  def fold(fun, acc, map) do
    check_fun_map(fun, 3, 1, map, 3)
    Enum.reduce(entries(map), acc, fn {k, v}, acc -> fun.(k, v, acc) end)
  end

  # The map with each value replaced by fun.(key, value).
  def map(fun, map) do
    check_fun_map(fun, 2, 1, map, 2)
    Map.new(entries(map), fn {k, v} -> {k, fun.(k, v)} end)
  end

  # The entries for which pred.(key, value) is true.
  def filter(pred, map) do
    check_fun_map(pred, 2, 1, map, 2)
    for {k, v} <- entries(map), pred.(k, v), into: %{}, do: {k, v}
  end

  # fun.(key, value) for each entry, for its effects; :ok.
  def foreach(fun, map) do
    check_fun_map(fun, 2, 1, map, 2)
    Enum.each(entries(map), fn {k, v} -> fun.(k, v) end)
  end

  # The entries for which fun.(key, value) returns true, or {true, value}
  # (kept with that value).
  def filtermap(fun, map) do
    check_fun_map(fun, 2, 1, map, 2)

    Enum.reduce(entries(map), %{}, fn {k, v}, acc ->
      case fun.(k, v) do
        true -> Map.put(acc, k, v)
        false -> acc
        {true, value} -> Map.put(acc, k, value)
      end
    end)
  end

  # {:ok, value} for a key, or :error.
  def find(key, map) do
    check_map(map)
    Map.fetch(map, key)
  end

  # An iterator over a map's entries: `[index | map]`, as OTP 25 builds
  # one for a small map; next/1 gives {key, value, iterator} or :none.
  def iterator(map) do
    check_map(map)
    [0 | map]
  end

  def next(:none), do: :none
  def next({_key, _value, _next} = item), do: item

  def next([i | map] = iter) when is_integer(i) and is_map(map) do
    map
    |> Map.to_list()
    |> Enum.drop(i)
    |> List.foldr(:none, fn {k, v}, rest -> {k, v, rest} end)
    |> case do
      :none when i < 0 -> bad_args([{1, "not a valid iterator"}], iter)
      chain -> chain
    end
  end

  def next(_), do: bad_args([{1, "not a valid iterator"}], nil)

  # The map with an existing key's value replaced ({:badkey, key} if the
  # key is missing).
  def update(key, value, map) do
    check_map(map)
    Map.update!(map, key, fn _ -> value end)
  end

  # The map with an existing key's value v replaced by fun.(v); with
  # `init`, a missing key is added with that value.
  def update_with(key, fun, map) do
    check_map(map)
    bad_args([{2, fun_error(fun, 1)}], nil)

    case Map.fetch(map, key) do
      {:ok, v} -> Map.put(map, key, fun.(v))
      :error -> :erlang.error({:badkey, key})
    end
  end

  def update_with(key, fun, init, map) do
    check_map(map)
    bad_args([{2, fun_error(fun, 1)}], nil)
    Map.update(map, key, init, fun)
  end

  # The map with only (with) or without (without) the keys listed.
  def with(keys, map) do
    check_map(map)
    bad_args([{1, list_error(keys)}], nil)
    Map.take(map, keys)
  end

  def without(keys, map) do
    check_map(map)
    bad_args([{1, list_error(keys)}], nil)
    Map.drop(map, keys)
  end

  def new, do: %{}

  # {value, map without the key}, or :error.
  def take(key, map) do
    check_map(map)

    case Map.fetch(map, key) do
      {:ok, value} -> {value, Map.delete(map, key)}
      :error -> :error
    end
  end

  # A map of each key in the list to `value`.
  def from_keys(keys, value) do
    bad_args([{1, list_error(keys)}], nil)
    Map.new(keys, &{&1, value})
  end

  # The two maps merged; for a key in both, fun.(key, value1, value2).
  def merge_with(fun, a, b) do
    check_fun_maps(fun, a, b)
    Map.merge(a, b, fn k, v1, v2 -> fun.(k, v1, v2) end)
  end

  # The keys of both maps, with the values of the second (intersect) or
  # fun.(key, value1, value2) (intersect_with).
  def intersect(a, b) do
    check_map(a)
    check_map(b)
    Map.take(b, Map.keys(a))
  end

  def intersect_with(fun, a, b) do
    check_fun_maps(fun, a, b)

    for {k, v1} <- a, Map.has_key?(b, k), into: %{} do
      {k, fun.(k, v1, Map.fetch!(b, k))}
    end
  end

  # A map from each key_fun.(x) to the elements x (or value_fun.(x)) with
  # that key, in the list's order.
  def groups_from_list(key_fun, list) do
    bad_args([{1, fun_error(key_fun, 1)}, {2, list_error(list)}], nil)
    Enum.group_by(list, key_fun)
  end

  def groups_from_list(key_fun, value_fun, list) do
    bad_args([{1, fun_error(key_fun, 1)}, {2, fun_error(value_fun, 1)}, {3, list_error(list)}], nil)
    Enum.group_by(list, key_fun, value_fun)
  end

  # --- helpers -------------------------------------------------------

  # The {key, value} entries of a map or an iterator.
  # A map's entries in the order its iterator gives them, which is not
  # :maps.to_list/1's for more than 32 keys.
  defp entries(map) when is_map(map),
    do: :lists.reverse(Enum.reduce(map, [], fn entry, acc -> [entry | acc] end))
  defp entries(iter), do: iter_entries(next(iter))

  defp iter_entries(:none), do: []
  defp iter_entries({k, v, rest}), do: [{k, v} | iter_entries(next(rest))]

  defp iterator?(:none), do: true
  defp iterator?({_, _, _}), do: true
  defp iterator?([i | map]) when is_integer(i) and is_map(map), do: true
  defp iterator?(_), do: false

  defp check_map(map) when is_map(map), do: :ok
  defp check_map(other), do: :erlang.error({:badmap, other})

  # A bad fun is reported with the map argument, if that is bad too; a
  # good fun with a bad map is a badmap.
  defp check_fun_map(fun, arity, fun_arg, map, map_arg) do
    good_map = is_map(map) or iterator?(map)

    case fun_error(fun, arity) do
      nil ->
        if good_map, do: :ok, else: :erlang.error({:badmap, map})

      reason ->
        bad_args([{fun_arg, reason}, {map_arg, if(good_map, do: nil, else: "not a map or an iterator")}], nil)
    end
  end

  defp check_fun_maps(fun, a, b) do
    case fun_error(fun, 3) do
      nil ->
        check_map(a)
        check_map(b)

      reason ->
        bad_args([{1, reason}, {2, map_error(a)}, {3, map_error(b)}], nil)
    end
  end

  defp map_error(m) when is_map(m), do: nil
  defp map_error(_), do: "not a map"

  defp fun_error(fun, arity) do
    if is_function(fun, arity),
      do: nil,
      else: "not a fun that takes " <> Enum.at(["no", "one", "two", "three"], arity) <> if(arity == 1, do: " argument", else: " arguments")
  end

  defp list_error(list) when is_list(list) do
    if proper_list?(list), do: nil, else: "not a proper list"
  end

  defp list_error(_), do: "not a list"

  defp proper_list?([_ | rest]), do: proper_list?(rest)
  defp proper_list?([]), do: true
  defp proper_list?(_), do: false

  defp bad_args(args, _term), do: :erlang.__argument_errors__(args)
end

# OTP's sys module, for the servers GenServer runs (see the system
# messages in gen_server.ex).
defmodule :sys do
  def get_state(server), do: get_state(server, 5000, [server])
  def get_state(server, timeout), do: get_state(server, timeout, [server, timeout])

  def replace_state(server, fun), do: replace_state(server, fun, 5000, [server, fun])

  def replace_state(server, fun, timeout) do
    replace_state(server, fun, timeout, [server, fun, timeout])
  end

  def suspend(server), do: suspend(server, 5000)

  def suspend(server, timeout) do
    GenServer.__call__(server, :system, :suspend, timeout, {:sys, :suspend, [server, timeout]})
  end

  def resume(server), do: resume(server, 5000)

  def resume(server, timeout) do
    GenServer.__call__(server, :system, :resume, timeout, {:sys, :resume, [server, timeout]})
  end

  # The exit reason names the function as called: {reason, {:sys, name, args}}.
  defp get_state(server, timeout, args) do
    GenServer.__call__(server, :system, :get_state, timeout, {:sys, :get_state, args})
  end

  defp replace_state(server, fun, timeout, args) do
    request = {:replace_state, fun}
    GenServer.__call__(server, :system, request, timeout, {:sys, :replace_state, args})
  end
end

# Ordered sets: sorted lists without duplicates (OTP's ordsets, whose
# representation is that plain list, so sets print as lists).
defmodule :ordsets do
  def new, do: []
  def from_list(list) when is_list(list), do: :lists.usort(list)
  def to_list(set), do: set
  def is_set(set) when is_list(set), do: set == :lists.usort(set)
  def is_set(_), do: false
  def size(set), do: length(set)
  def is_empty(set), do: set == []
  def is_element(x, set), do: Enum.any?(set, &(&1 == x))
  def add_element(x, set), do: union([x], set)
  def del_element(x, set), do: Enum.reject(set, &(&1 == x))
  def union(sets) when is_list(sets), do: Enum.reduce(sets, [], &union(&2, &1))
  def union([], b), do: b
  def union(a, []), do: a
  def union([x | a], [y | _] = b) when x < y, do: [x | union(a, b)]
  def union([x | _] = a, [y | b]) when x > y, do: [y | union(a, b)]
  def union([x | a], [_ | b]), do: [x | union(a, b)]
  def intersection([set | sets]), do: Enum.reduce(sets, set, &intersection(&2, &1))
  def intersection([], _), do: []
  def intersection(_, []), do: []
  def intersection([x | a], [y | _] = b) when x < y, do: intersection(a, b)
  def intersection([x | _] = a, [y | b]) when x > y, do: intersection(a, b)
  def intersection([x | a], [_ | b]), do: [x | intersection(a, b)]
  def subtract([], _), do: []
  def subtract(a, []), do: a
  def subtract([x | a], [y | _] = b) when x < y, do: [x | subtract(a, b)]
  def subtract([x | _] = a, [y | b]) when x > y, do: subtract(a, b)
  def subtract([_ | a], [_ | b]), do: subtract(a, b)
  def is_disjoint(a, b), do: intersection(a, b) == []
  def is_subset(a, b), do: subtract(a, b) == []
  def fold(fun, acc, set), do: List.foldl(set, acc, fun)
  def filter(pred, set), do: Enum.filter(set, pred)
  def map(fun, set), do: from_list(Enum.map(set, fun))
end

# Counter arrays, kept in a public ETS table of {index, value} owned by
# the process that makes them (OTP's are references to shared memory,
# freed when no longer referenced).
defmodule :counters do
  def new(size, opts) when is_integer(size) and size > 0 and is_list(opts) do
    table = :ets.new(:counters, [:set, :public])
    :ets.insert(table, Enum.map(1..size, &{&1, 0}))
    {:counters, table, size}
  end

  def get({:counters, table, size}, ix) when is_integer(ix) and ix >= 1 and ix <= size,
    do: :ets.lookup_element(table, ix, 2)

  def add({:counters, table, size}, ix, incr)
      when is_integer(ix) and ix >= 1 and ix <= size and is_integer(incr) do
    :ets.update_counter(table, ix, incr)
    :ok
  end

  def sub(ref, ix, decr) when is_integer(decr), do: add(ref, ix, -decr)

  def put({:counters, table, size}, ix, value)
      when is_integer(ix) and ix >= 1 and ix <= size and is_integer(value) do
    :ets.insert(table, {ix, value})
    :ok
  end

  def info({:counters, _table, size}),
    do: %{size: size, memory: 8 * size + 80, min: -9_223_372_036_854_775_808, max: 9_223_372_036_854_775_807}
end

