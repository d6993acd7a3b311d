# Erlang library functions that take functions (or wait), which Elixir
# programs call directly: the Vial versions in Erlang's argument order, on
# top of Enum, List and Map. The rest of these modules are BIFs.

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

defmodule :lists do
  def foldl(fun, acc, list) when is_list(list), do: List.foldl(list, acc, fun)
  def foldr(fun, acc, list) when is_list(list), do: List.foldr(list, acc, fun)
  def map(fun, list) when is_list(list), do: Enum.map(list, fun)
  def filter(pred, list) when is_list(list), do: Enum.filter(list, pred)
  def foreach(fun, list) when is_list(list), do: Enum.each(list, fun)
  def any(pred, list) when is_list(list), do: Enum.any?(list, pred)
  def all(pred, list) when is_list(list), do: Enum.all?(list, pred)
  def flatmap(fun, list) when is_list(list), do: Enum.flat_map(list, fun)
  def partition(pred, list) when is_list(list), do: Enum.split_with(list, pred)
  def takewhile(pred, list) when is_list(list), do: Enum.take_while(list, pred)
  def dropwhile(pred, list) when is_list(list), do: Enum.drop_while(list, pred)
  def mapfoldl(fun, acc, list) when is_list(list), do: Enum.map_reduce(list, acc, fun)
  def sort(fun, list) when is_list(list), do: Enum.sort(list, fun)
  def append(a, b), do: a ++ b
  def append(lists) when is_list(lists), do: Enum.concat(lists)
  def subtract(a, b) when is_list(a) and is_list(b), do: a -- b
  def enumerate(list) when is_list(list), do: enumerate(1, list)
  def enumerate(start, list) when is_integer(start) and is_list(list),
    do: Enum.with_index(list, fn x, i -> {start + i, x} end)

  # `fun` returns true (keep), false (drop) or {true, value} (keep value).
  def filtermap(fun, list) when is_list(list) do
    Enum.flat_map(list, fn x ->
      case fun.(x) do
        true -> [x]
        false -> []
        {true, value} -> [value]
      end
    end)
  end

  def zip3(a, b, c) when is_list(a) and is_list(b) and is_list(c), do: Enum.zip([a, b, c])

  def search(pred, list) when is_list(list) do
    case Enum.find(list, :"$none", pred) do
      :"$none" -> false
      x -> {:value, x}
    end
  end

  # Sorted lists merged: `first?.(x, y)` when x goes before y (on equal
  # elements, the earlier list's first); the `u` forms keep one of equal
  # elements (the earlier list's), the `key` forms compare element `n`.
  def merge(a, b) when is_list(a) and is_list(b), do: merge_by(a, b, &<=/2, [])
  def merge(lists) when is_list(lists), do: Enum.reduce(lists, [], &merge(&2, &1))
  def merge(fun, a, b) when is_list(a) and is_list(b), do: merge_by(a, b, fun, [])
  def merge3(a, b, c), do: merge(merge(a, b), c)
  def umerge(a, b) when is_list(a) and is_list(b), do: umerge_by(a, b, &<=/2, &==/2, [])
  def umerge(lists) when is_list(lists), do: Enum.reduce(lists, [], &umerge(&2, &1))
  def umerge(fun, a, b), do: umerge_by(a, b, fun, fn x, y -> fun.(x, y) and fun.(y, x) end, [])
  def umerge3(a, b, c), do: umerge(umerge(a, b), c)
  def keymerge(n, a, b), do: merge_by(a, b, &(elem(&1, n - 1) <= elem(&2, n - 1)), [])

  def ukeymerge(n, a, b),
    do: umerge_by(a, b, &(elem(&1, n - 1) <= elem(&2, n - 1)), &(elem(&1, n - 1) == elem(&2, n - 1)), [])

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

  # The text of each atom, integer or string (a list or binary), joined:
  # a charlist.
  def concat(things) when is_list(things), do: Enum.flat_map(things, &thing_to_list/1)
  defp thing_to_list(x) when is_atom(x), do: Atom.to_charlist(x)
  defp thing_to_list(x) when is_integer(x), do: Integer.to_charlist(x)
  defp thing_to_list(x) when is_list(x), do: x

  # Lists of equal length only, as in OTP 25.
  def zipwith(fun, [x | xs], [y | ys]), do: [fun.(x, y) | zipwith(fun, xs, ys)]
  def zipwith(fun, [], []) when is_function(fun, 2), do: []

  def zipwith3(fun, [x | xs], [y | ys], [z | zs]),
    do: [fun.(x, y, z) | zipwith3(fun, xs, ys, zs)]

  def zipwith3(fun, [], [], []) when is_function(fun, 3), do: []

  def join(_sep, []), do: []
  def join(sep, [first | rest]), do: [first | Enum.flat_map(rest, &[sep, &1])]

  # Sorted by `fun` (a <= b), keeping the first of elements it finds equal.
  def usort(fun, list) when is_list(list) do
    list
    |> Enum.sort(fun)
    |> Enum.reduce([], fn
      x, [prev | _] = acc -> if fun.(x, prev), do: acc, else: [x | acc]
      x, [] -> [x]
    end)
    |> Enum.reverse()
  end

  def splitwith(pred, list) when is_list(list), do: Enum.split_while(list, pred)

  def unzip3(list) when is_list(list) do
    {as, bs, cs} =
      List.foldr(list, {[], [], []}, fn {a, b, c}, {as, bs, cs} -> {[a | as], [b | bs], [c | cs]} end)

    {as, bs, cs}
  end

  def keysearch(key, n, list) do
    case :lists.keyfind(key, n, list) do
      false -> false
      tuple -> {:value, tuple}
    end
  end

  def mapfoldr(fun, acc, list) when is_list(list) do
    List.foldr(list, {[], acc}, fn x, {mapped, acc} ->
      {y, acc} = fun.(x, acc)
      {[y | mapped], acc}
    end)
  end

  # Sorted on the nth element, keeping the first of tuples with equal keys.
  # Of tuples with equal keys (`==`: 1 and 1.0 are equal), the first.
  def ukeysort(n, list) when is_list(list) do
    :lists.keysort(n, list)
    |> Enum.reduce([], fn
      t, [kept | _] = acc -> if elem(t, n - 1) == elem(kept, n - 1), do: acc, else: [t | acc]
      t, [] -> [t]
    end)
    |> Enum.reverse()
  end

  def keymap(fun, n, list) when is_list(list),
    do: Enum.map(list, fn t -> put_elem(t, n - 1, fun.(elem(t, n - 1))) end)

  def flatlength(list) when is_list(list), do: length(List.flatten(list))
end

defmodule :proplists do
  def get_value(key, list), do: get_value(key, list, :undefined)

  def get_value(key, list, default) when is_list(list) do
    case lookup(key, list) do
      {^key, value} -> value
      ^key -> true
      :none -> default
    end
  end

  def get_bool(key, list), do: get_value(key, list, false) == true
  def get_keys(list) when is_list(list), do: list |> Enum.map(&key_of/1) |> Enum.uniq()

  def lookup(key, [{key, _} = entry | _]), do: entry
  def lookup(key, [key | _]), do: {key, true}
  def lookup(key, [_ | rest]), do: lookup(key, rest)
  def lookup(_key, []), do: :none

  def get_all_values(key, list) when is_list(list) do
    for entry <- list, key_of(entry) == key, do: value_of(entry)
  end

  def delete(key, list) when is_list(list), do: Enum.reject(list, &(key_of(&1) == key))
  def is_defined(key, list) when is_list(list), do: lookup(key, list) != :none

  defp key_of({key, _}), do: key
  defp key_of(key), do: key
  defp value_of({_, value}), do: value
  defp value_of(_), do: true
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

  # Prints the term in Erlang's syntax and a newline on standard output (a
  # debugging aid that bypasses the group leader on the BEAM).
  def display(term) do
    IO.write(:vial_io.format("~w~n", [term]))
    true
  end
end

defmodule :binary do
  def copy(bin), do: copy(bin, 1)
  def copy(bin, n) when is_binary(bin) and is_integer(n) and n >= 0, do: String.duplicate(bin, n)

  def first(bin) when is_binary(bin) and byte_size(bin) > 0, do: at(bin, 0)
  def last(bin) when is_binary(bin) and byte_size(bin) > 0, do: at(bin, byte_size(bin) - 1)

  def at(bin, pos) when is_binary(bin) and is_integer(pos) and pos >= 0 and pos < byte_size(bin) do
    [byte] = :erlang.binary_to_list(binary_part(bin, pos, 1))
    byte
  end

  def part(bin, {pos, len}), do: binary_part(bin, pos, len)
  def part(bin, pos, len), do: binary_part(bin, pos, len)
  def bin_to_list(bin) when is_binary(bin), do: :erlang.binary_to_list(bin)
  def bin_to_list(bin, {pos, len}), do: :erlang.binary_to_list(binary_part(bin, pos, len))
  def list_to_bin(list), do: :erlang.list_to_binary(list)
end

defmodule :unicode do
  def characters_to_binary(chardata), do: IO.chardata_to_string(chardata)
  def characters_to_list(chardata), do: String.to_charlist(IO.chardata_to_string(chardata))
end

defmodule :os do
  def type, do: {:unix, :linux}
  def getenv(name) when is_list(name), do: (System.get_env(List.to_string(name)) || false) |> to_list()
  defp to_list(false), do: false
  defp to_list(s), do: String.to_charlist(s)
end

defmodule :maps do
  def fold(fun, acc, map) when is_map(map),
    do: Enum.reduce(map, acc, fn {k, v}, acc -> fun.(k, v, acc) end)

  def map(fun, map) when is_map(map), do: Map.new(map, fn {k, v} -> {k, fun.(k, v)} end)
  def filter(pred, map) when is_map(map), do: Map.filter(map, fn {k, v} -> pred.(k, v) end)
  def foreach(fun, map) when is_map(map), do: Enum.each(map, fn {k, v} -> fun.(k, v) end)
  def find(key, map) when is_map(map), do: Map.fetch(map, key)

  # An iterator is `[index | map]`, the index of the next entry in the
  # map's order, as OTP 25 builds one for a small map.
  def iterator(map) when is_map(map), do: [0 | map]
  def next(:none), do: :none

  def next([i | map]) when is_integer(i) and is_map(map) do
    case Enum.at(map, i) do
      {k, v} -> {k, v, [i + 1 | map]}
      nil -> :none
    end
  end
  def update(key, value, map) when is_map(map), do: Map.update!(map, key, fn _ -> value end)
  def with(keys, map) when is_map(map), do: Map.take(map, keys)
  def without(keys, map) when is_map(map), do: Map.drop(map, keys)
  def new, do: %{}
  def update_with(key, fun, map) when is_map(map), do: Map.update!(map, key, fun)
  def update_with(key, fun, init, map) when is_map(map), do: Map.update(map, key, init, fun)
  def groups_from_list(key_fun, list) when is_list(list), do: Enum.group_by(list, key_fun)

  def take(key, map) when is_map(map) do
    case Map.fetch(map, key) do
      {:ok, value} -> {value, Map.delete(map, key)}
      :error -> :error
    end
  end

  def merge_with(fun, a, b) when is_map(a) and is_map(b),
    do: Map.merge(a, b, fn k, v1, v2 -> fun.(k, v1, v2) end)

  def from_keys(keys, value) when is_list(keys), do: Map.new(keys, &{&1, value})

  # `fun` returns true (keep), false (drop) or {true, value} (keep value).
  def filtermap(fun, map) when is_map(map) do
    Enum.reduce(map, %{}, fn {k, v}, acc ->
      case fun.(k, v) do
        true -> Map.put(acc, k, v)
        false -> acc
        {true, value} -> Map.put(acc, k, value)
      end
    end)
  end

  # The keys of both, with the values of the second.
  def intersect(a, b) when is_map(a) and is_map(b), do: Map.take(b, Map.keys(a))
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

