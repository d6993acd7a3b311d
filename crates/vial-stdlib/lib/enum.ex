# Enum: eager operations over enumerables, written in Vial on top of list
# recursion, as Elixir's own Enum is written in Elixir (Elixir 1.14
# `lib/elixir/lib/enum.ex`).
#
# The built-in enumerables are told apart with guards: lists, ranges
# (`%Range{first, last, step}`), MapSets and maps (as `{key, value}` lists
# in map order), and functions of arity 2 (the reducer protocol of
# streams). A struct with the program's own Enumerable (or Collectable)
# implementation goes through its reduce/3 (into/1); anything else raises
# Protocol.UndefinedError.
# Most functions turn the enumerable into a list first; reduce/3, map/2,
# each/2, count/1, member?/2, sum/1, at/2 and friends walk ranges without
# building them, and the functions that may stop early stop early on ranges.
# Lists are walked tail-recursively with an accumulator reversed at the end,
# so a million elements cost no deep recursion.
defmodule Enum do
  # ---- conversion ------------------------------------------------------------

  # The enumerable as a list.
  def to_list(list) when is_list(list), do: list

  def to_list(%{__struct__: Range, first: first, last: last, step: step}),
    do: range_list(first, last, step)

  def to_list(%{__struct__: MapSet, map: map}), do: Map.keys(map)
  def to_list(%{__struct__: Stream} = stream), do: stream_list(stream, [])
  def to_list(%{__struct__: _} = struct) do
    # A struct the program made enumerable (defimpl Enumerable).
    case :vial_protocol.impl_for(Enumerable, struct, false) do
      nil ->
        not_enumerable(struct)

      impl ->
        {_, acc} = impl.reduce(struct, {:cont, []}, fn x, acc -> {:cont, [x | acc]} end)
        :lists.reverse(acc)
    end
  end
  def to_list(map) when is_map(map), do: Map.to_list(map)

  def to_list(fun) when is_function(fun, 2) do
    {_, acc} = fun.({:cont, []}, fn x, acc -> {:cont, [x | acc]} end)
    :lists.reverse(acc)
  end

  def to_list(other), do: not_enumerable(other)

  # The enumerable as a list in the order reduce/3 walks it, which for a map
  # of more than 32 keys is :maps.fold/3's order: OTP 25 folds a hash trie
  # from its last entry, the reverse of Map.to_list/1. The functions that
  # Elixir 1.14 writes with reduce/3 (map, each, filter, for, ...) see this
  # order; those that may stop early (take, find, all?, zip, ...) see
  # Map.to_list/1's.
  defp fold_list(%{__struct__: _} = struct), do: to_list(struct)
  defp fold_list(map) when is_map(map), do: :vial_enum.fold_list(map)
  defp fold_list(enumerable), do: to_list(enumerable)

  defp stream_list(cursor, acc) do
    case Stream.__next__(cursor) do
      {x, rest} -> stream_list(rest, [x | acc])
      :done -> :lists.reverse(acc)
    end
  end

  defp not_enumerable(fun) when is_function(fun) do
    raise Protocol.UndefinedError,
      protocol: Enumerable,
      value: fun,
      description: "only anonymous functions of arity 2 are enumerable"
  end

  defp not_enumerable(value) do
    raise Protocol.UndefinedError, protocol: Enumerable, value: value, description: ""
  end

  # first..last//step as a list, built from the back.
  defp range_list(first, last, step) when step > 0 and first > last, do: []
  defp range_list(first, last, step) when step < 0 and first < last, do: []

  defp range_list(first, last, step),
    do: range_down(first + div(last - first, step) * step, first, step, [])

  defp range_down(current, first, _step, acc) when current == first, do: [current | acc]

  defp range_down(current, first, step, acc),
    do: range_down(current - step, first, step, [current | acc])

  # Number of elements of first..last//step.
  defp range_size(first, last, step) when step > 0 and first > last, do: 0
  defp range_size(first, last, step) when step < 0 and first < last, do: 0
  defp range_size(first, last, step), do: div(last - first, step) + 1

  # ---- reducing ----------------------------------------------------------------

  # Folds fun(element, acc) over the enumerable from the left.
  def reduce(list, acc, fun) when is_list(list), do: reduce_list(list, acc, fun)

  def reduce(%{__struct__: Range, first: first, last: last, step: step}, acc, fun),
    do: reduce_range(first, last, step, acc, fun)

  def reduce(%{__struct__: Stream} = stream, acc, fun), do: reduce_stream(stream, acc, fun)
  def reduce(enumerable, acc, fun), do: reduce_list(fold_list(enumerable), acc, fun)

  # Folds with the first element as the initial accumulator; raises
  # Enum.EmptyError when there is none.
  def reduce([head | tail], fun), do: reduce_list(tail, head, fun)
  def reduce([], _fun), do: raise(Enum.EmptyError)

  def reduce(%{__struct__: Stream} = stream, fun) do
    case Stream.__next__(stream) do
      {head, rest} -> reduce_stream(rest, head, fun)
      :done -> raise Enum.EmptyError
    end
  end

  def reduce(enumerable, fun) do
    case to_list(enumerable) do
      [head | tail] -> reduce_list(tail, head, fun)
      [] -> raise Enum.EmptyError
    end
  end

  defp reduce_list([head | tail], acc, fun), do: reduce_list(tail, fun.(head, acc), fun)
  defp reduce_list([], acc, _fun), do: acc

  # Streams are read one element at a time, each going through fun before
  # the next is computed, so side effects interleave as in Elixir.
  defp reduce_stream(cursor, acc, fun) do
    case Stream.__next__(cursor) do
      {x, rest} -> reduce_stream(rest, fun.(x, acc), fun)
      :done -> acc
    end
  end

  defp reduce_range(first, last, step, acc, fun)
       when (step > 0 and first <= last) or (step < 0 and first >= last),
       do: reduce_range(first + step, last, step, fun.(first, acc), fun)

  defp reduce_range(_first, _last, _step, acc, _fun), do: acc

  # Folds until fun returns {:halt, acc}; fun returns {:cont, acc} to go on.
  def reduce_while(enumerable, acc, fun), do: while(enumerable, acc, fun)

  # The halting fold every early-stopping function uses: lists and ranges are
  # walked in place, other enumerables as lists.
  defp while(list, acc, fun) when is_list(list), do: while_list(list, acc, fun)

  defp while(%{__struct__: Range, first: first, last: last, step: step}, acc, fun),
    do: while_range(first, last, step, acc, fun)

  defp while(%{__struct__: Stream} = stream, acc, fun), do: while_stream(stream, acc, fun)

  defp while(fun2, acc, fun) when is_function(fun2, 2),
    do: elem(fun2.({:cont, acc}, fun), 1)

  defp while(enumerable, acc, fun), do: while_list(to_list(enumerable), acc, fun)

  defp while_stream(cursor, acc, fun) do
    case Stream.__next__(cursor) do
      {x, rest} ->
        case fun.(x, acc) do
          {:cont, acc} -> while_stream(rest, acc, fun)
          {:halt, acc} -> acc
        end

      :done ->
        acc
    end
  end

  defp while_list([head | tail], acc, fun) do
    case fun.(head, acc) do
      {:cont, acc} -> while_list(tail, acc, fun)
      {:halt, acc} -> acc
    end
  end

  defp while_list([], acc, _fun), do: acc

  defp while_range(first, last, step, acc, fun)
       when (step > 0 and first <= last) or (step < 0 and first >= last) do
    case fun.(first, acc) do
      {:cont, acc} -> while_range(first + step, last, step, acc, fun)
      {:halt, acc} -> acc
    end
  end

  defp while_range(_first, _last, _step, acc, _fun), do: acc

  # Maps and reduces at once: fun(element, acc) returns {mapped, acc};
  # returns {mapped_list, acc}.
  def map_reduce(%{__struct__: Stream} = stream, acc, fun) do
    {list, acc} =
      reduce_stream(stream, {[], acc}, fn x, {list, acc} ->
        {value, acc} = fun.(x, acc)
        {[value | list], acc}
      end)

    {:lists.reverse(list), acc}
  end

  def map_reduce(enumerable, acc, fun), do: map_reduce_list(fold_list(enumerable), acc, fun, [])

  defp map_reduce_list([head | tail], acc, fun, mapped) do
    {value, acc} = fun.(head, acc)
    map_reduce_list(tail, acc, fun, [value | mapped])
  end

  defp map_reduce_list([], acc, _fun, mapped), do: {:lists.reverse(mapped), acc}

  # Maps and reduces, flattening each returned list one level; fun returns
  # {list, acc} or {:halt, acc}.
  def flat_map_reduce(enumerable, acc, fun) do
    {list, acc} =
      while(enumerable, {[], acc}, fn entry, {list, acc} ->
        case fun.(entry, acc) do
          {:halt, acc} -> {:halt, {list, acc}}
          {[], acc} -> {:cont, {list, acc}}
          {[entry], acc} -> {:cont, {[entry | list], acc}}
          {entries, acc} -> {:cont, {reduce(entries, list, fn x, l -> [x | l] end), acc}}
        end
      end)

    {:lists.reverse(list), acc}
  end

  # Successive reductions, the first element as the starting value.
  def scan(%{__struct__: Stream} = stream, fun), do: to_list(Stream.scan(stream, fun))

  def scan(enumerable, fun) do
    case fold_list(enumerable) do
      [] -> []
      [head | tail] -> [head | scan_list(tail, head, fun, [])]
    end
  end

  # Successive reductions from acc.
  def scan(%{__struct__: Stream} = stream, acc, fun), do: to_list(Stream.scan(stream, acc, fun))
  def scan(enumerable, acc, fun), do: scan_list(fold_list(enumerable), acc, fun, [])

  defp scan_list([head | tail], acc, fun, out) do
    acc = fun.(head, acc)
    scan_list(tail, acc, fun, [acc | out])
  end

  defp scan_list([], _acc, _fun, out), do: :lists.reverse(out)

  # ---- mapping and filtering -----------------------------------------------------

  # The list of fun(element) for each element.
  def map(list, fun) when is_list(list), do: map_list(list, fun, [])

  def map(%{__struct__: Range, first: first, last: last, step: step}, fun),
    do: :lists.reverse(map_range(first, last, step, fun, []))

  def map(%{__struct__: Stream} = stream, fun), do: to_list(Stream.map(stream, fun))
  def map(enumerable, fun), do: map_list(fold_list(enumerable), fun, [])

  defp map_list([head | tail], fun, acc), do: map_list(tail, fun, [fun.(head) | acc])
  defp map_list([], _fun, acc), do: :lists.reverse(acc)

  # reduce_range/5 with the mapping inlined: one fun call per element.
  defp map_range(first, last, step, fun, acc)
       when (step > 0 and first <= last) or (step < 0 and first >= last),
       do: map_range(first + step, last, step, fun, [fun.(first) | acc])

  defp map_range(_first, _last, _step, _fun, acc), do: acc

  # Calls fun on each element for its side effects; returns :ok.
  def each(list, fun) when is_list(list), do: each_list(list, fun)

  def each(%{__struct__: Range, first: first, last: last, step: step}, fun) do
    reduce_range(first, last, step, nil, fn x, _ ->
      fun.(x)
      nil
    end)

    :ok
  end

  def each(%{__struct__: Stream} = stream, fun), do: Stream.run(Stream.each(stream, fun))
  def each(enumerable, fun), do: each_list(fold_list(enumerable), fun)

  defp each_list([head | tail], fun) do
    fun.(head)
    each_list(tail, fun)
  end

  defp each_list([], _fun), do: :ok

  # Maps every nth element (the first included) with fun, keeping the rest.
  def map_every(enumerable, 1, fun), do: map(enumerable, fun)
  def map_every(enumerable, 0, _fun), do: fold_list(enumerable)

  def map_every(enumerable, nth, fun) when is_integer(nth) and nth > 1,
    do: map_every_list(fold_list(enumerable), nth, 0, fun, [])

  defp map_every_list([head | tail], nth, 0, fun, acc),
    do: map_every_list(tail, nth, nth - 1, fun, [fun.(head) | acc])

  defp map_every_list([head | tail], nth, n, fun, acc),
    do: map_every_list(tail, nth, n - 1, fun, [head | acc])

  defp map_every_list([], _nth, _n, _fun, acc), do: :lists.reverse(acc)

  # Maps each element and puts separator between the results.
  def map_intersperse(enumerable, separator, mapper) do
    case fold_list(enumerable) do
      [] ->
        []

      [head | tail] ->
        acc = reduce_list(tail, [mapper.(head)], fn x, acc -> [mapper.(x), separator | acc] end)
        :lists.reverse(acc)
    end
  end

  # Maps each element and concatenates the results as strings.
  def map_join(enumerable, mapper), do: map_join(enumerable, "", mapper)

  def map_join(%{__struct__: Stream} = stream, joiner, mapper) when is_binary(joiner),
    do: join(map(stream, mapper), joiner)

  def map_join(enumerable, joiner, mapper) when is_binary(joiner),
    do: join_list(fold_list(enumerable), joiner, mapper)

  # The elements converted with to_string/1 and joined with joiner.
  def join(enumerable), do: join(enumerable, "")

  def join(enumerable, joiner) when is_binary(joiner),
    do: join_list(fold_list(enumerable), joiner, nil)

  defp join_list([], _joiner, _mapper), do: ""

  defp join_list([head | tail], joiner, mapper) do
    parts = join_rest(tail, joiner, mapper, [entry_to_string(head, mapper)])
    :erlang.iolist_to_binary(:lists.reverse(parts))
  end

  defp join_rest([head | tail], joiner, mapper, acc),
    do: join_rest(tail, joiner, mapper, [entry_to_string(head, mapper), joiner | acc])

  defp join_rest([], _joiner, _mapper, acc), do: acc

  defp entry_to_string(entry, nil) when is_binary(entry), do: entry
  defp entry_to_string(entry, nil), do: to_string(entry)
  defp entry_to_string(entry, mapper), do: entry_to_string(mapper.(entry), nil)

  # The elements for which fun returns a truthy value.
  def filter(%{__struct__: Stream} = stream, fun), do: to_list(Stream.filter(stream, fun))
  def filter(enumerable, fun), do: filter_list(fold_list(enumerable), fun, [])

  defp filter_list([head | tail], fun, acc) do
    if fun.(head),
      do: filter_list(tail, fun, [head | acc]),
      else: filter_list(tail, fun, acc)
  end

  defp filter_list([], _fun, acc), do: :lists.reverse(acc)

  # The elements for which fun returns a falsy value.
  def reject(%{__struct__: Stream} = stream, fun), do: to_list(Stream.reject(stream, fun))
  def reject(enumerable, fun), do: reject_list(fold_list(enumerable), fun, [])

  defp reject_list([head | tail], fun, acc) do
    if fun.(head),
      do: reject_list(tail, fun, acc),
      else: reject_list(tail, fun, [head | acc])
  end

  defp reject_list([], _fun, acc), do: :lists.reverse(acc)

  # Filters with filter, then maps with mapper (deprecated in Elixir).
  def filter_map(enumerable, filter, mapper),
    do: map(filter(enumerable, filter), mapper)

  # {truthy, falsy}: the elements split by fun, order kept.
  def split_with(%{__struct__: Stream} = stream, fun) do
    {yes, no} =
      reduce_stream(stream, {[], []}, fn x, {yes, no} ->
        if fun.(x), do: {[x | yes], no}, else: {yes, [x | no]}
      end)

    {:lists.reverse(yes), :lists.reverse(no)}
  end

  def split_with(enumerable, fun), do: split_with_list(fold_list(enumerable), fun, [], [])

  defp split_with_list([head | tail], fun, yes, no) do
    if fun.(head),
      do: split_with_list(tail, fun, [head | yes], no),
      else: split_with_list(tail, fun, yes, [head | no])
  end

  defp split_with_list([], _fun, yes, no), do: {:lists.reverse(yes), :lists.reverse(no)}

  # Deprecated name of split_with/2.
  def partition(enumerable, fun), do: split_with(enumerable, fun)

  # Maps with fun and concatenates the resulting enumerables.
  def flat_map(%{__struct__: Stream} = stream, fun), do: to_list(Stream.flat_map(stream, fun))
  def flat_map(enumerable, fun), do: flat_map_list(fold_list(enumerable), fun, [])

  defp flat_map_list([head | tail], fun, acc) do
    case fun.(head) do
      list when is_list(list) -> flat_map_list(tail, fun, :lists.reverse(list, acc))
      other -> flat_map_list(tail, fun, :lists.reverse(to_list(other), acc))
    end
  end

  defp flat_map_list([], _fun, acc), do: :lists.reverse(acc)

  # The elements with each wrapped as {element, index}, or fun(element, index).
  def with_index(enumerable), do: with_index(enumerable, 0)

  def with_index(enumerable, offset) when is_integer(offset),
    do: with_index_list(fold_list(enumerable), offset, [])

  def with_index(%{__struct__: Stream} = stream, fun) when is_function(fun, 2),
    do: map(Stream.with_index(stream), fn {x, i} -> fun.(x, i) end)

  def with_index(enumerable, fun) when is_function(fun, 2),
    do: with_index_fun(fold_list(enumerable), 0, fun, [])

  defp with_index_list([head | tail], i, acc),
    do: with_index_list(tail, i + 1, [{head, i} | acc])

  defp with_index_list([], _i, acc), do: :lists.reverse(acc)

  defp with_index_fun([head | tail], i, fun, acc),
    do: with_index_fun(tail, i + 1, fun, [fun.(head, i) | acc])

  defp with_index_fun([], _i, _fun, acc), do: :lists.reverse(acc)

  # separator between each two elements.
  def intersperse(enumerable, separator) do
    case fold_list(enumerable) do
      [] ->
        []

      [head | tail] ->
        :lists.reverse(reduce_list(tail, [head], fn x, acc -> [x, separator | acc] end))
    end
  end

  # ---- searching -----------------------------------------------------------------

  # Whether fun (default: identity) is truthy for every element.
  def all?(enumerable), do: all?(enumerable, fn x -> x end)
  def all?(list, fun) when is_list(list), do: all_list(list, fun)

  def all?(enumerable, fun),
    do: while(enumerable, true, fn x, _ -> if fun.(x), do: {:cont, true}, else: {:halt, false} end)

  defp all_list([head | tail], fun), do: if(fun.(head), do: all_list(tail, fun), else: false)
  defp all_list([], _fun), do: true

  # Whether fun (default: identity) is truthy for some element.
  def any?(enumerable), do: any?(enumerable, fn x -> x end)
  def any?(list, fun) when is_list(list), do: any_list(list, fun)

  def any?(enumerable, fun),
    do: while(enumerable, false, fn x, _ -> if fun.(x), do: {:halt, true}, else: {:cont, false} end)

  defp any_list([head | tail], fun), do: if(fun.(head), do: true, else: any_list(tail, fun))
  defp any_list([], _fun), do: false

  # The first element for which fun is truthy, else default.
  def find(enumerable, fun), do: find(enumerable, nil, fun)

  def find(list, default, fun) when is_list(list), do: find_list(list, default, fun)

  def find(enumerable, default, fun),
    do: while(enumerable, default, fn x, acc -> if fun.(x), do: {:halt, x}, else: {:cont, acc} end)

  defp find_list([head | tail], default, fun),
    do: if(fun.(head), do: head, else: find_list(tail, default, fun))

  defp find_list([], default, _fun), do: default

  # The index of the first element for which fun is truthy, else nil.
  def find_index(list, fun) when is_list(list), do: find_index_list(list, 0, fun)

  def find_index(enumerable, fun) do
    result =
      while(enumerable, {:not_found, 0}, fn x, {_, i} ->
        if fun.(x), do: {:halt, {:found, i}}, else: {:cont, {:not_found, i + 1}}
      end)

    case result do
      {:found, i} -> i
      {:not_found, _} -> nil
    end
  end

  # The first truthy fun(element), else default.
  def find_value(enumerable, fun), do: find_value(enumerable, nil, fun)

  def find_value(list, default, fun) when is_list(list), do: find_value_list(list, default, fun)

  def find_value(enumerable, default, fun) do
    while(enumerable, default, fn x, acc ->
      value = fun.(x)
      if value, do: {:halt, value}, else: {:cont, acc}
    end)
  end

  defp find_index_list([head | tail], i, fun),
    do: if(fun.(head), do: i, else: find_index_list(tail, i + 1, fun))

  defp find_index_list([], _i, _fun), do: nil

  defp find_value_list([head | tail], default, fun) do
    case fun.(head) do
      value when value in [nil, false] -> find_value_list(tail, default, fun)
      value -> value
    end
  end

  defp find_value_list([], default, _fun), do: default

  # Whether the enumerable holds element (strict equality, ===).
  def member?(list, element) when is_list(list), do: :lists.member(element, list)

  def member?(%{__struct__: Range, first: first, last: last, step: step}, element) do
    if is_integer(element) and range_size(first, last, step) > 0 and
         ((step > 0 and element >= first and element <= last) or
            (step < 0 and element <= first and element >= last)) do
      rem(element - first, step) == 0
    else
      false
    end
  end

  def member?(%{__struct__: MapSet, map: map}, element), do: is_map_key(map, element)
  def member?(%{__struct__: _} = struct, element), do: :lists.member(element, to_list(struct))

  def member?(map, element) when is_map(map) do
    case element do
      {key, value} ->
        case map do
          %{^key => found} -> found === value
          _ -> false
        end

      _ ->
        false
    end
  end

  def member?(enumerable, element), do: :lists.member(element, to_list(enumerable))

  # Whether the enumerable has no elements.
  def empty?(list) when is_list(list), do: list == []

  def empty?(%{__struct__: Range, first: first, last: last, step: step}),
    do: range_size(first, last, step) == 0

  def empty?(%{__struct__: _} = struct), do: while(struct, true, fn _, _ -> {:halt, false} end)
  def empty?(map) when is_map(map), do: map_size(map) == 0
  def empty?(enumerable), do: while(enumerable, true, fn _, _ -> {:halt, false} end)

  # ---- counting and aggregates -----------------------------------------------------

  # The number of elements.
  def count(list) when is_list(list), do: length(list)

  def count(%{__struct__: Range, first: first, last: last, step: step}),
    do: range_size(first, last, step)

  def count(%{__struct__: MapSet, map: map}), do: map_size(map)
  def count(%{__struct__: _} = struct), do: length(to_list(struct))
  def count(map) when is_map(map), do: map_size(map)
  def count(enumerable), do: length(to_list(enumerable))

  # The number of elements for which fun is truthy.
  def count(enumerable, fun),
    do: reduce(enumerable, 0, fn x, acc -> if fun.(x), do: acc + 1, else: acc end)

  # count/1, stopping at limit.
  def count_until(enumerable, limit) when is_integer(limit) and limit > 0 do
    case enumerable do
      list when is_list(list) ->
        count_until_list(list, limit, 0)

      %{__struct__: Stream} ->
        while(enumerable, 0, fn _, acc ->
          if acc + 1 == limit, do: {:halt, limit}, else: {:cont, acc + 1}
        end)

      other ->
        Kernel.min(count(other), limit)
    end
  end

  # count/2, stopping at limit.
  def count_until(enumerable, fun, limit) when is_integer(limit) and limit > 0 do
    while(enumerable, 0, fn x, acc ->
      cond do
        !fun.(x) -> {:cont, acc}
        acc + 1 == limit -> {:halt, limit}
        true -> {:cont, acc + 1}
      end
    end)
  end

  defp count_until_list(_list, limit, limit), do: limit
  defp count_until_list([_ | tail], limit, n), do: count_until_list(tail, limit, n + 1)
  defp count_until_list([], _limit, n), do: n

  # The sum of the elements (ArithmeticError for non-numbers).
  def sum(%{__struct__: Range, first: first, last: last, step: step}) do
    case range_size(first, last, step) do
      0 -> 0
      size -> div(size * (first + last - rem(last - first, step)), 2)
    end
  end

  def sum(enumerable), do: reduce(enumerable, 0, fn x, acc -> acc + x end)

  # The product of the elements.
  def product(enumerable), do: reduce(enumerable, 1, fn x, acc -> acc * x end)

  # How many times each element occurs: %{element => count}.
  def frequencies(enumerable), do: :vial_enum.frequencies(to_list(enumerable))

  # How many elements share each key_fun(element): %{key => count}.
  def frequencies_by(enumerable, key_fun) when is_function(key_fun),
    do: :vial_enum.frequencies(map(enumerable, key_fun))

  # The elements grouped by key_fun, each mapped by value_fun:
  # %{key => [value, ...]} in original order. (As in Elixir, the functions
  # are called from the last element to the first.)
  def group_by(enumerable, key_fun), do: group_by(enumerable, key_fun, fn x -> x end)

  def group_by(enumerable, key_fun, value_fun) when is_function(key_fun) do
    {keys, values} =
      reduce_list(reverse(enumerable), {[], []}, fn entry, {keys, values} ->
        key = key_fun.(entry)
        {[key | keys], [value_fun.(entry) | values]}
      end)

    :vial_enum.group(keys, values)
  end

  # The largest element in term order (the first of equals); raises
  # Enum.EmptyError when empty unless an empty_fallback function is given.
  def max([_ | _] = list), do: :lists.max(list)
  def max(enumerable), do: max(enumerable, fn a, b -> a >= b end, &raise_empty/0)

  def max([_ | _] = list, empty_fallback) when is_function(empty_fallback, 0),
    do: :lists.max(list)

  def max(enumerable, empty_fallback) when is_function(empty_fallback, 0),
    do: max(enumerable, fn a, b -> a >= b end, empty_fallback)

  def max(enumerable, sorter), do: max(enumerable, sorter, &raise_empty/0)

  def max(enumerable, sorter, empty_fallback),
    do: aggregate(enumerable, max_sort_fun(sorter), empty_fallback)

  # The smallest element in term order (the first of equals).
  def min([_ | _] = list), do: :lists.min(list)
  def min(enumerable), do: min(enumerable, fn a, b -> a <= b end, &raise_empty/0)

  def min([_ | _] = list, empty_fallback) when is_function(empty_fallback, 0),
    do: :lists.min(list)

  def min(enumerable, empty_fallback) when is_function(empty_fallback, 0),
    do: min(enumerable, fn a, b -> a <= b end, empty_fallback)

  def min(enumerable, sorter), do: min(enumerable, sorter, &raise_empty/0)

  def min(enumerable, sorter, empty_fallback),
    do: aggregate(enumerable, min_sort_fun(sorter), empty_fallback)

  defp raise_empty, do: raise(Enum.EmptyError)

  defp max_sort_fun(sorter) when is_function(sorter, 2), do: sorter
  defp max_sort_fun(module) when is_atom(module), do: fn a, b -> module.compare(a, b) != :lt end
  defp min_sort_fun(sorter) when is_function(sorter, 2), do: sorter
  defp min_sort_fun(module) when is_atom(module), do: fn a, b -> module.compare(a, b) != :gt end

  defp aggregate(%{__struct__: Range, first: first, last: last, step: step}, fun, empty) do
    case range_size(first, last, step) do
      0 ->
        empty.()

      _ ->
        last = last - rem(last - first, step)

        case fun.(first, last) do
          true -> first
          false -> last
        end
    end
  end

  defp aggregate(enumerable, fun, empty) do
    case fold_list(enumerable) do
      [] -> empty.()
      [head | tail] -> aggregate_list(tail, head, fun)
    end
  end

  defp aggregate_list([head | tail], acc, fun) do
    case fun.(acc, head) do
      true -> aggregate_list(tail, acc, fun)
      false -> aggregate_list(tail, head, fun)
    end
  end

  defp aggregate_list([], acc, _fun), do: acc

  # The element with the largest fun(element) (the first of equals).
  def max_by(enumerable, fun), do: max_by(enumerable, fun, fn a, b -> a >= b end, &raise_empty/0)

  def max_by(enumerable, fun, empty_fallback)
      when is_function(fun, 1) and is_function(empty_fallback, 0),
      do: max_by(enumerable, fun, fn a, b -> a >= b end, empty_fallback)

  def max_by(enumerable, fun, sorter), do: max_by(enumerable, fun, sorter, &raise_empty/0)

  def max_by(enumerable, fun, sorter, empty_fallback) when is_function(fun, 1),
    do: aggregate_by(enumerable, fun, max_sort_fun(sorter), empty_fallback)

  # The element with the smallest fun(element) (the first of equals).
  def min_by(enumerable, fun), do: min_by(enumerable, fun, fn a, b -> a <= b end, &raise_empty/0)

  def min_by(enumerable, fun, empty_fallback)
      when is_function(fun, 1) and is_function(empty_fallback, 0),
      do: min_by(enumerable, fun, fn a, b -> a <= b end, empty_fallback)

  def min_by(enumerable, fun, sorter), do: min_by(enumerable, fun, sorter, &raise_empty/0)

  def min_by(enumerable, fun, sorter, empty_fallback) when is_function(fun, 1),
    do: aggregate_by(enumerable, fun, min_sort_fun(sorter), empty_fallback)

  defp aggregate_by(enumerable, fun, sorter, empty_fallback) do
    case fold_list(enumerable) do
      [] ->
        empty_fallback.()

      [head | tail] ->
        [entry | _] =
          reduce_list(tail, [head | fun.(head)], fn entry, [_ | fun_ref] = old ->
            fun_entry = fun.(entry)

            case sorter.(fun_ref, fun_entry) do
              true -> old
              false -> [entry | fun_entry]
            end
          end)

        entry
    end
  end

  # {min, max} in term order.
  def min_max(enumerable), do: min_max(enumerable, &raise_empty/0)

  def min_max(%{__struct__: Range, first: first, last: last, step: step}, empty_fallback)
      when is_function(empty_fallback, 0) do
    case range_size(first, last, step) do
      0 ->
        empty_fallback.()

      _ ->
        last = last - rem(last - first, step)
        {Kernel.min(first, last), Kernel.max(first, last)}
    end
  end

  def min_max(enumerable, empty_fallback) when is_function(empty_fallback, 0) do
    case fold_list(enumerable) do
      [] ->
        empty_fallback.()

      [head | tail] ->
        [min | max] =
          reduce_list(tail, [head | head], fn entry, [min | max] ->
            [Kernel.min(min, entry) | Kernel.max(max, entry)]
          end)

        {min, max}
    end
  end

  # {element with the smallest fun(element), element with the largest}.
  def min_max_by(enumerable, fun),
    do: min_max_by(enumerable, fun, fn a, b -> a < b end, &raise_empty/0)

  def min_max_by(enumerable, fun, empty_fallback)
      when is_function(fun, 1) and is_function(empty_fallback, 0),
      do: min_max_by(enumerable, fun, fn a, b -> a < b end, empty_fallback)

  def min_max_by(enumerable, fun, sorter),
    do: min_max_by(enumerable, fun, sorter, &raise_empty/0)

  def min_max_by(enumerable, fun, sorter, empty_fallback)
      when is_function(fun, 1) and is_atom(sorter) and is_function(empty_fallback, 0),
      do:
        min_max_by(
          enumerable,
          fun,
          fn a, b -> sorter.compare(a, b) == :lt end,
          empty_fallback
        )

  def min_max_by(enumerable, fun, sorter, empty_fallback)
      when is_function(fun, 1) and is_function(sorter, 2) and is_function(empty_fallback, 0) do
    case fold_list(enumerable) do
      [] ->
        empty_fallback.()

      [head | tail] ->
        first = fun.(head)

        {min, max, _, _} =
          reduce_list(tail, {head, head, first, first}, fn entry,
                                                           {prev_min, prev_max, fun_min, fun_max} =
                                                             acc ->
            fun_entry = fun.(entry)

            cond do
              sorter.(fun_entry, fun_min) -> {entry, prev_max, fun_entry, fun_max}
              sorter.(fun_max, fun_entry) -> {prev_min, entry, fun_min, fun_entry}
              true -> acc
            end
          end)

        {min, max}
    end
  end

  # ---- positions and slices ---------------------------------------------------------

  # The element at a zero-based index (negative counts from the end), else
  # default.
  def at(enumerable, index), do: at(enumerable, index, nil)

  def at(enumerable, index, default) when is_integer(index) do
    case slice_any(enumerable, index, 1) do
      [value] -> value
      [] -> default
    end
  end

  # {:ok, element} at a zero-based index, else :error.
  def fetch(enumerable, index) when is_integer(index) do
    case slice_any(enumerable, index, 1) do
      [value] -> {:ok, value}
      [] -> :error
    end
  end

  # The element at a zero-based index; raises Enum.OutOfBoundsError.
  def fetch!(enumerable, index) when is_integer(index) do
    case slice_any(enumerable, index, 1) do
      [value] -> value
      [] -> raise Enum.OutOfBoundsError
    end
  end

  # amount elements from start (negative counts from the end).
  def slice(_enumerable, start, 0) when is_integer(start), do: []

  def slice(enumerable, start, amount)
      when is_integer(start) and start < 0 and is_integer(amount) and amount >= 0,
      do: slice_any(enumerable, Kernel.max(count(enumerable) + start, 0), amount)

  def slice(enumerable, start, amount)
      when is_integer(start) and is_integer(amount) and amount >= 0,
      do: slice_any(enumerable, start, amount)

  # The elements at the indexes of a range (negative indexes count from the
  # end; a step takes every step-th).
  def slice(enumerable, %{__struct__: Range, first: first, last: last, step: step} = range) do
    cond do
      step > 0 ->
        slice_range(enumerable, first, last, step)

      step == -1 and first > last ->
        slice_range(enumerable, first, last, 1)

      true ->
        raise ArgumentError,
              "Enum.slice/2 does not accept ranges with negative steps, got: " <> inspect(range)
    end
  end

  defp slice_range(enumerable, first, last, step) do
    list = to_list(enumerable)
    count = length(list)
    first = if first >= 0, do: first, else: Kernel.max(first + count, 0)
    last = if last >= 0, do: last, else: last + count
    amount = last - first + 1

    if first < count and amount > 0 do
      amount = Kernel.min(amount, count - first)
      taken = take_list(drop_list(list, first), amount, [])
      if step == 1, do: taken, else: take_every_list(taken, step - 1)
    else
      []
    end
  end

  # The slice of amount elements from start, as a list.
  defp slice_any(%{__struct__: Range, first: first, last: last, step: step}, start, amount) do
    count = range_size(first, last, step)
    start = if start < 0, do: count + start, else: start

    if start >= 0 and start < count do
      amount = Kernel.min(amount, count - start)
      from = first + start * step
      range_list(from, from + (amount - 1) * step, step)
    else
      []
    end
  end

  defp slice_any(enumerable, start, amount) when start < 0 do
    list = to_list(enumerable)
    start = length(list) + start

    if start >= 0,
      do: take_list(drop_list(list, start), amount, []),
      else: []
  end

  defp slice_any(%{__struct__: Stream} = stream, start, amount),
    do: drop_list(take(stream, start + amount), start)

  defp slice_any(enumerable, start, amount),
    do: take_list(drop_list(to_list(enumerable), start), amount, [])

  # random/1, shuffle/1 and take_random/2 draw from :rand exactly as
  # Elixir 1.14's Enum does, so a seeded program gets the same values.
  def random(list) when is_list(list) do
    case length(list) do
      0 -> raise Enum.EmptyError
      n -> list |> drop_list(random_integer(0, n - 1)) |> hd()
    end
  end

  def random(first.._//step = range) do
    case Range.size(range) do
      0 -> raise Enum.EmptyError
      n -> first + random_integer(0, n - 1) * step
    end
  end

  def random(enumerable), do: random(to_list(enumerable))

  def shuffle(enumerable) do
    randomized = reduce(enumerable, [], fn x, acc -> [{:rand.uniform(), x} | acc] end)
    shuffle_unwrap(:lists.keysort(1, randomized), [])
  end

  defp shuffle_unwrap([{_, h} | rest], acc), do: shuffle_unwrap(rest, [h | acc])
  defp shuffle_unwrap([], acc), do: acc

  def take_random(_enumerable, 0), do: []
  def take_random([], _), do: []
  def take_random([h | t], 1), do: take_random_one(t, h, 1)

  def take_random(enumerable, 1) do
    case reduce(enumerable, [], &take_random_step/2) do
      [] -> []
      [current | _index] -> [current]
    end
  end

  def take_random(enumerable, count) when is_integer(count) and count >= 0 do
    reducer = fn elem, {idx, sample} ->
      jdx = random_integer(0, idx)

      cond do
        idx < count ->
          value = Map.get(sample, jdx)
          {idx + 1, sample |> Map.put(idx, value) |> Map.put(jdx, elem)}

        jdx < count ->
          {idx + 1, Map.put(sample, jdx, elem)}

        true ->
          {idx + 1, sample}
      end
    end

    {size, sample} = reduce(enumerable, {0, %{}}, reducer)
    take_random_collect(sample, Kernel.min(count, size), [])
  end

  defp take_random_step(x, []), do: [x | 1]

  defp take_random_step(x, [current | index]) do
    if :rand.uniform(index + 1) == 1, do: [x | index + 1], else: [current | index + 1]
  end

  defp take_random_one([h | t], current, index) do
    if :rand.uniform(index + 1) == 1,
      do: take_random_one(t, h, index + 1),
      else: take_random_one(t, current, index + 1)
  end

  defp take_random_one([], current, _), do: [current]

  defp take_random_collect(_sample, 0, acc), do: acc

  defp take_random_collect(sample, position, acc) do
    position = position - 1
    take_random_collect(sample, position, [Map.get(sample, position) | acc])
  end

  defp random_integer(limit, limit), do: limit
  defp random_integer(lower, upper), do: lower + :rand.uniform(upper - lower + 1) - 1

  defp drop_list(list, 0), do: list
  defp drop_list([_ | tail], n), do: drop_list(tail, n - 1)
  defp drop_list([], _n), do: []

  defp take_list(_list, 0, acc), do: :lists.reverse(acc)
  defp take_list([head | tail], n, acc), do: take_list(tail, n - 1, [head | acc])
  defp take_list([], _n, acc), do: :lists.reverse(acc)

  # The first amount elements (negative: the last -amount).
  def take(_enumerable, 0), do: []

  def take(list, amount) when is_list(list) and is_integer(amount) and amount > 0,
    do: take_list(list, amount, [])

  def take(enumerable, amount) when is_integer(amount) and amount > 0 do
    {list, _} =
      while(enumerable, {[], amount}, fn x, {list, n} ->
        case n do
          1 -> {:halt, {[x | list], 0}}
          _ -> {:cont, {[x | list], n - 1}}
        end
      end)

    :lists.reverse(list)
  end

  def take(enumerable, amount) when is_integer(amount) and amount < 0 do
    list = to_list(enumerable)
    count = length(list)
    drop_list(list, Kernel.max(amount + count, 0))
  end

  # All but the first amount elements (negative: all but the last -amount).
  def drop(list, amount) when is_list(list) and is_integer(amount) and amount >= 0,
    do: drop_list(list, amount)

  def drop(enumerable, amount) when is_integer(amount) and amount >= 0,
    do: drop_list(fold_list(enumerable), amount)

  def drop(enumerable, amount) when is_integer(amount) and amount < 0 do
    list = to_list(enumerable)
    count = length(list)
    take_list(list, Kernel.max(amount + count, 0), [])
  end

  # {first count elements, the rest} (negative count splits from the end).
  def split(enumerable, count) when is_integer(count) and count >= 0,
    do: split_list(fold_list(enumerable), count, [])

  def split(enumerable, count) when is_integer(count) and count < 0,
    do: split_reverse_list(reverse(enumerable), -count, [])

  defp split_list([head | tail], n, acc) when n > 0, do: split_list(tail, n - 1, [head | acc])
  defp split_list(list, 0, acc), do: {:lists.reverse(acc), list}
  defp split_list([], _n, acc), do: {:lists.reverse(acc), []}

  defp split_reverse_list([head | tail], n, acc) when n > 0,
    do: split_reverse_list(tail, n - 1, [head | acc])

  defp split_reverse_list(list, 0, acc), do: {:lists.reverse(list), acc}
  defp split_reverse_list([], _n, acc), do: {[], acc}

  # The leading elements for which fun is truthy.
  def take_while(enumerable, fun) do
    :lists.reverse(
      while(enumerable, [], fn x, acc -> if fun.(x), do: {:cont, [x | acc]}, else: {:halt, acc} end)
    )
  end

  # The elements after the leading ones for which fun is truthy.
  def drop_while(enumerable, fun), do: drop_while_list(fold_list(enumerable), fun)

  defp drop_while_list([head | tail] = list, fun),
    do: if(fun.(head), do: drop_while_list(tail, fun), else: list)

  defp drop_while_list([], _fun), do: []

  # {take_while result, drop_while result}.
  def split_while(enumerable, fun), do: split_while_list(fold_list(enumerable), fun, [])

  defp split_while_list([head | tail] = list, fun, acc) do
    if fun.(head),
      do: split_while_list(tail, fun, [head | acc]),
      else: {:lists.reverse(acc), list}
  end

  defp split_while_list([], _fun, acc), do: {:lists.reverse(acc), []}

  # Every nth element, starting with the first (nth = 0: none).
  def take_every(_enumerable, 0), do: []
  def take_every(enumerable, 1), do: to_list(enumerable)

  def take_every(enumerable, nth) when is_integer(nth) and nth > 1,
    do: take_every_list(to_list(enumerable), nth - 1)

  defp take_every_list(list, to_drop), do: take_every_acc(list, to_drop, [])

  defp take_every_acc([head | tail], to_drop, acc),
    do: take_every_acc(drop_list(tail, to_drop), to_drop, [head | acc])

  defp take_every_acc([], _to_drop, acc), do: :lists.reverse(acc)

  # The elements without every nth one, starting with the first.
  def drop_every(_enumerable, 1), do: []
  def drop_every(enumerable, 0), do: to_list(enumerable)

  def drop_every(enumerable, nth) when is_integer(nth) and nth > 1,
    do: drop_every_list(to_list(enumerable), nth, 0, [])

  defp drop_every_list([_ | tail], nth, 0, acc), do: drop_every_list(tail, nth, nth - 1, acc)

  defp drop_every_list([head | tail], nth, n, acc),
    do: drop_every_list(tail, nth, n - 1, [head | acc])

  defp drop_every_list([], _nth, _n, acc), do: :lists.reverse(acc)

  # The elements in reverse order.
  def reverse(list) when is_list(list), do: :lists.reverse(list)
  def reverse(enumerable), do: :lists.reverse(fold_list(enumerable))

  # The elements reversed, followed by the elements of tail.
  def reverse(enumerable, tail), do: :lists.reverse(fold_list(enumerable), to_list(tail))

  # The list with count elements from start_index reversed in place.
  def reverse_slice(enumerable, start_index, count)
      when is_integer(start_index) and start_index >= 0 and is_integer(count) and count >= 0 do
    list = to_list(enumerable)
    {head, rest} = split_list(list, start_index, [])
    {middle, tail} = split_list(rest, count, [])
    head ++ :lists.reverse(middle, tail)
  end

  # Moves the element(s) at index (or index range) so that they start at
  # insertion_index.
  def slide(enumerable, index, insertion_index) when is_integer(index),
    do: slide(enumerable, index..index, insertion_index)

  def slide(enumerable, %{__struct__: Range, first: first, last: last, step: step} = range, insertion_index) do
    if step != 1 and not (step == -1 and first > last) do
      raise ArgumentError,
            "Enum.slide/3 does not accept ranges with custom steps, got: " <> inspect(range)
    end

    list = to_list(enumerable)
    count = length(list)
    first = if first >= 0, do: first, else: Kernel.max(first + count, 0)
    last = if last >= 0, do: last, else: last + count
    insertion_index = if insertion_index >= 0, do: insertion_index, else: insertion_index + count
    last = Kernel.min(last, count - 1)

    cond do
      first >= count or first > last or insertion_index == first ->
        list

      insertion_index > first and insertion_index <= last ->
        raise ArgumentError,
              "insertion index for slide must be outside the range being moved " <>
                "(tried to insert #{first}..#{last} at #{insertion_index})"

      insertion_index < first ->
        {before, rest} = split_list(list, insertion_index, [])
        {between, rest} = split_list(rest, first - insertion_index, [])
        {moved, rest} = split_list(rest, last - first + 1, [])
        before ++ moved ++ between ++ rest

      true ->
        {before, rest} = split_list(list, first, [])
        {moved, rest} = split_list(rest, last - first + 1, [])
        {between, rest} = split_list(rest, insertion_index - last, [])
        before ++ between ++ moved ++ rest
    end
  end

  # ---- chunking --------------------------------------------------------------------

  # Chunks of count elements, each starting step elements after the previous;
  # the last chunk is padded from leftover, or dropped if leftover is :discard.
  def chunk_every(enumerable, count), do: chunk_every(enumerable, count, count, [])
  def chunk_every(enumerable, count, step), do: chunk_every(enumerable, count, step, [])

  def chunk_every(enumerable, count, step, leftover)
      when is_integer(count) and count > 0 and is_integer(step) and step > 0,
      do: chunk_every_list(to_list(enumerable), count, step, leftover)

  # Stream.Reducers.chunk_every/5: a buffer of the last elements, trimmed to
  # the overlap once max(count, step) elements are in.
  defp chunk_every_list(list, count, step, leftover),
    do: chunk_every_loop(list, count, step, Kernel.max(count, step), leftover, [], 0, [])

  defp chunk_every_loop([entry | tail], count, step, limit, leftover, buffer, n, acc) do
    buffer = [entry | buffer]
    n = n + 1
    acc = if n == count, do: [:lists.reverse(buffer) | acc], else: acc

    if n >= limit do
      remaining = n - step
      buffer = take_list(buffer, remaining, [])
      chunk_every_loop(tail, count, step, limit, leftover, buffer, remaining, acc)
    else
      chunk_every_loop(tail, count, step, limit, leftover, buffer, n, acc)
    end
  end

  defp chunk_every_loop([], count, _step, _limit, leftover, buffer, n, acc) do
    if leftover == :discard or n == 0 or n >= count do
      :lists.reverse(acc)
    else
      :lists.reverse([:lists.reverse(buffer, take(leftover, count - n)) | acc])
    end
  end

  # Splits into runs of consecutive elements with the same fun(element).
  def chunk_by(%{__struct__: Stream} = stream, fun), do: to_list(Stream.chunk_by(stream, fun))

  def chunk_by(enumerable, fun) do
    case to_list(enumerable) do
      [] -> []
      [head | tail] -> chunk_by_list(tail, fun, fun.(head), [head], [])
    end
  end

  defp chunk_by_list([head | tail], fun, value, chunk, acc) do
    case fun.(head) do
      ^value -> chunk_by_list(tail, fun, value, [head | chunk], acc)
      new_value -> chunk_by_list(tail, fun, new_value, [head], [:lists.reverse(chunk) | acc])
    end
  end

  defp chunk_by_list([], _fun, _value, chunk, acc),
    do: :lists.reverse([:lists.reverse(chunk) | acc])

  # Chunks with full control: chunk_fun(element, acc) returns
  # {:cont, chunk, acc}, {:cont, acc} or {:halt, acc}; after_fun(acc) emits a
  # last chunk with {:cont, chunk, acc} or none with {:cont, acc}.
  def chunk_while(enumerable, acc, chunk_fun, after_fun) do
    {res, acc} =
      while(enumerable, {[], acc}, fn entry, {buffer, acc} ->
        case chunk_fun.(entry, acc) do
          {:cont, chunk, acc} -> {:cont, {[chunk | buffer], acc}}
          {:cont, acc} -> {:cont, {buffer, acc}}
          {:halt, acc} -> {:halt, {buffer, acc}}
        end
      end)

    case after_fun.(acc) do
      {:cont, _acc} -> :lists.reverse(res)
      {:cont, chunk, _acc} -> :lists.reverse([chunk | res])
    end
  end

  # Deprecated chunk/2,3,4 (chunk_every with :discard).
  def chunk(enumerable, count), do: chunk(enumerable, count, count, nil)
  def chunk(enumerable, count, step), do: chunk_every(enumerable, count, step, :discard)

  def chunk(enumerable, count, step, leftover),
    do: chunk_every(enumerable, count, step, leftover || :discard)

  # ---- uniqueness ------------------------------------------------------------------

  # The elements without duplicates (first occurrences kept).
  def uniq(enumerable), do: :lists.uniq(fold_list(enumerable))

  # Deprecated uniq/2, the same as uniq_by/2.
  def uniq(enumerable, fun), do: uniq_by(enumerable, fun)

  # The elements without those whose fun(element) was already seen.
  def uniq_by(%{__struct__: Stream} = stream, fun), do: to_list(Stream.uniq_by(stream, fun))

  def uniq_by(enumerable, fun) do
    list = fold_list(enumerable)
    :vial_enum.uniq_by(map_list(list, fun, []), list)
  end

  # The elements without consecutive duplicates (===).
  def dedup(enumerable), do: :lists.reverse(dedup_list(fold_list(enumerable), []))

  defp dedup_list([value | tail], acc) do
    case acc do
      [^value | _] -> dedup_list(tail, acc)
      _ -> dedup_list(tail, [value | acc])
    end
  end

  defp dedup_list([], acc), do: acc

  # The elements without consecutive ones with the same fun(element).
  def dedup_by(%{__struct__: Stream} = stream, fun), do: to_list(Stream.dedup_by(stream, fun))

  def dedup_by(enumerable, fun) do
    case fold_list(enumerable) do
      [] -> []
      [head | tail] -> dedup_by_list(tail, fun, fun.(head), [head])
    end
  end

  defp dedup_by_list([head | tail], fun, prev, acc) do
    case fun.(head) do
      ^prev -> dedup_by_list(tail, fun, prev, acc)
      value -> dedup_by_list(tail, fun, value, [head | acc])
    end
  end

  defp dedup_by_list([], _fun, _prev, acc), do: :lists.reverse(acc)

  # ---- combining -------------------------------------------------------------------

  # The enumerables of an enumerable, concatenated into one list.
  def concat(enumerables) do
    fun = fn x, acc -> [x | acc] end
    :lists.reverse(reduce(enumerables, [], fn e, acc -> reduce(e, acc, fun) end))
  end

  # left's elements followed by right's.
  def concat(left, right) when is_list(left) and is_list(right), do: left ++ right
  def concat(left, right), do: concat([left, right])

  # {x, y} pairs of corresponding elements, as long as the shorter one.
  def zip(enumerable1, enumerable2) when is_list(enumerable1) and is_list(enumerable2),
    do: zip_list(enumerable1, enumerable2, [])

  def zip(enumerable1, enumerable2), do: zip([enumerable1, enumerable2])

  defp zip_list([head1 | next1], [head2 | next2], acc),
    do: zip_list(next1, next2, [{head1, head2} | acc])

  defp zip_list(_, _, acc), do: :lists.reverse(acc)

  # Tuples of corresponding elements of several enumerables.
  def zip([]), do: []
  def zip(enumerables), do: zip_with(enumerables, &List.to_tuple/1)

  # fun(x, y) of corresponding elements.
  def zip_with(enumerable1, enumerable2, zip_fun)
      when is_list(enumerable1) and is_list(enumerable2) and is_function(zip_fun, 2),
      do: zip_with_list(enumerable1, enumerable2, zip_fun, [])

  def zip_with(enumerable1, enumerable2, zip_fun) when is_function(zip_fun, 2),
    do: zip_with([enumerable1, enumerable2], fn [x, y] -> zip_fun.(x, y) end)

  defp zip_with_list([head1 | next1], [head2 | next2], fun, acc),
    do: zip_with_list(next1, next2, fun, [fun.(head1, head2) | acc])

  defp zip_with_list(_, _, _fun, acc), do: :lists.reverse(acc)

  # fun([x, y, ...]) of corresponding elements of several enumerables
  # (streams are read only as far as the shortest enumerable goes).
  def zip_with([], _fun), do: []

  def zip_with(enumerables, zip_fun) do
    reversed =
      zip_cursors(map(enumerables, &Stream.__cursor__/1), [], fn heads, acc ->
        [zip_fun.(heads) | acc]
      end)

    :lists.reverse(reversed)
  end

  defp zip_cursors(cursors, acc, fun) do
    case heads_tails(cursors, [], []) do
      nil -> acc
      {heads, tails} -> zip_cursors(tails, fun.(heads, acc), fun)
    end
  end

  defp heads_tails([cursor | rest], heads, tails) do
    case Stream.__next__(cursor) do
      {head, tail} -> heads_tails(rest, [head | heads], [tail | tails])
      :done -> nil
    end
  end

  defp heads_tails([], heads, tails), do: {:lists.reverse(heads), :lists.reverse(tails)}

  # Reduces over corresponding elements: reducer(x, y, acc).
  def zip_reduce(left, right, acc, reducer) when is_function(reducer, 3),
    do: zip_reduce([left, right], acc, fn [x, y], acc -> reducer.(x, y, acc) end)

  # Reduces over corresponding elements of several: reducer([x, y, ...], acc).
  def zip_reduce([], acc, reducer) when is_function(reducer, 2), do: acc

  def zip_reduce(enumerables, acc, reducer) when is_function(reducer, 2),
    do: zip_cursors(map(enumerables, &Stream.__cursor__/1), acc, reducer)

  # {firsts, seconds} of a list of pairs.
  def unzip(enumerable) do
    {list1, list2} =
      reduce_list(:lists.reverse(fold_list(enumerable)), {[], []}, fn {el1, el2}, {l1, l2} ->
        {[el1 | l1], [el2 | l2]}
      end)

    {list1, list2}
  end

  # ---- collecting --------------------------------------------------------------------

  # The elements inserted into a collectable: a list (appended), a map
  # ({key, value} elements) or a MapSet.
  def into(enumerable, []), do: to_list(enumerable)

  def into(enumerable, %{__struct__: MapSet, map: map} = set),
    do: %{set | map: Map.merge(map, Map.from_keys(to_list(enumerable), []))}

  def into(enumerable, %{__struct__: _} = collectable) do
    # A struct the program made collectable (defimpl Collectable).
    case :vial_protocol.impl_for(Collectable, collectable, false) do
      nil ->
        not_collectable(collectable)

      impl ->
        {initial, fun} = impl.into(collectable)
        fun.(reduce(enumerable, initial, fn x, acc -> fun.(acc, {:cont, x}) end), :done)
    end
  end

  def into(enumerable, collectable) when is_map(collectable) do
    case enumerable do
      list when is_list(list) -> Map.merge(collectable, :maps.from_list(list))
      %{__struct__: _} -> into_map(to_list(enumerable), collectable)
      map when is_map(map) -> Map.merge(collectable, map)
      _ -> into_map(to_list(enumerable), collectable)
    end
  end

  def into(enumerable, binary) when is_binary(binary),
    do: into_binary(to_list(enumerable), binary)

  def into(enumerable, collectable) when is_list(collectable),
    do: collectable ++ to_list(enumerable)

  def into(_enumerable, collectable), do: not_collectable(collectable)

  defp into_map(list, acc), do: Map.merge(acc, :maps.from_list(list))

  defp into_binary(list, binary), do: into_binary_list(list, [binary])

  defp into_binary_list([x | tail], acc) when is_binary(x), do: into_binary_list(tail, [acc | x])
  defp into_binary_list([], acc), do: :erlang.iolist_to_binary(acc)

  defp not_collectable(value) do
    raise Protocol.UndefinedError, protocol: Collectable, value: value, description: ""
  end

  # The elements mapped by transform and inserted into a collectable.
  def into(enumerable, collectable, transform) when is_list(collectable),
    do: collectable ++ map(enumerable, transform)

  def into(enumerable, collectable, transform), do: into(map(enumerable, transform), collectable)

  # ---- sorting ---------------------------------------------------------------------

  # The elements sorted in term order (stable merge sort).
  def sort(list) when is_list(list), do: :lists.sort(list)
  def sort(enumerable), do: sort(enumerable, fn a, b -> a <= b end)

  # Sorted by a sorter: a function (true when its first argument goes first),
  # :asc, :desc, a module with compare/2, or {:asc | :desc, module}. Stable
  # when the function returns true for equal elements.
  def sort(list, sorter) when is_list(list), do: lists_sort(to_sort_fun(sorter), list)

  def sort(enumerable, sorter) do
    fun = to_sort_fun(sorter)
    sort_terminator(reduce(enumerable, [], fn x, acc -> sort_reducer(x, acc, fun) end), fun)
  end

  defp to_sort_fun(sorter) when is_function(sorter, 2), do: sorter
  defp to_sort_fun(:asc), do: fn a, b -> a <= b end
  defp to_sort_fun(:desc), do: fn a, b -> a >= b end
  defp to_sort_fun(module) when is_atom(module), do: fn a, b -> module.compare(a, b) != :gt end

  defp to_sort_fun({:asc, module}) when is_atom(module),
    do: fn a, b -> module.compare(a, b) != :gt end

  defp to_sort_fun({:desc, module}) when is_atom(module),
    do: fn a, b -> module.compare(a, b) != :lt end

  # Sorted by mapper(element), compared with sorter (default :asc).
  def sort_by(enumerable, mapper), do: sort_by(enumerable, mapper, :asc)

  def sort_by(enumerable, mapper, :desc) when is_function(mapper, 1) do
    pairs = reduce(enumerable, [], fn x, acc -> [{x, mapper.(x)} | acc] end)
    reduce_list(:lists.keysort(2, pairs), [], fn {x, _}, acc -> [x | acc] end)
  end

  def sort_by(enumerable, mapper, sorter) when is_function(mapper, 1) do
    pairs = map(enumerable, fn x -> {x, mapper.(x)} end)
    map_list(List.keysort(pairs, 1, sorter), fn {x, _} -> x end, [])
  end

  # Erlang's lists:sort/2 (STDLIB lists.erl), transcribed so that sorters
  # that are not total orders (such as &</2) give Erlang's exact result.
  @doc false
  def lists_sort(_fun, []), do: []
  def lists_sort(_fun, [_] = list), do: list

  def lists_sort(fun, [x, y | t]) do
    case fun.(x, y) do
      true -> fsplit_1(y, x, fun, t, [], [])
      false -> fsplit_2(y, x, fun, t, [], [])
    end
  end

  defp fsplit_1(y, x, fun, [z | l], r, rs) do
    case fun.(y, z) do
      true ->
        fsplit_1(z, y, fun, l, [x | r], rs)

      false ->
        case fun.(x, z) do
          true -> fsplit_1(y, z, fun, l, [x | r], rs)
          false when r == [] -> fsplit_1(y, x, fun, l, [z], rs)
          false -> fsplit_1_1(y, x, fun, l, r, rs, z)
        end
    end
  end

  defp fsplit_1(y, x, fun, [], r, rs), do: rfmergel([[y, x | r] | rs], [], fun, :asc)

  defp fsplit_1_1(y, x, fun, [z | l], r, rs, s) do
    case fun.(y, z) do
      true ->
        fsplit_1_1(z, y, fun, l, [x | r], rs, s)

      false ->
        case fun.(x, z) do
          true ->
            fsplit_1_1(y, z, fun, l, [x | r], rs, s)

          false ->
            case fun.(s, z) do
              true -> fsplit_1(z, s, fun, l, [], [[y, x | r] | rs])
              false -> fsplit_1(s, z, fun, l, [], [[y, x | r] | rs])
            end
        end
    end
  end

  defp fsplit_1_1(y, x, fun, [], r, rs, s),
    do: rfmergel([[s], [y, x | r] | rs], [], fun, :asc)

  defp fsplit_2(y, x, fun, [z | l], r, rs) do
    case fun.(y, z) do
      false ->
        fsplit_2(z, y, fun, l, [x | r], rs)

      true ->
        case fun.(x, z) do
          false -> fsplit_2(y, z, fun, l, [x | r], rs)
          true when r == [] -> fsplit_2(y, x, fun, l, [z], rs)
          true -> fsplit_2_1(y, x, fun, l, r, rs, z)
        end
    end
  end

  defp fsplit_2(y, x, fun, [], r, rs), do: fmergel([[y, x | r] | rs], [], fun, :desc)

  defp fsplit_2_1(y, x, fun, [z | l], r, rs, s) do
    case fun.(y, z) do
      false ->
        fsplit_2_1(z, y, fun, l, [x | r], rs, s)

      true ->
        case fun.(x, z) do
          false ->
            fsplit_2_1(y, z, fun, l, [x | r], rs, s)

          true ->
            case fun.(s, z) do
              false -> fsplit_2(z, s, fun, l, [], [[y, x | r] | rs])
              true -> fsplit_2(s, z, fun, l, [], [[y, x | r] | rs])
            end
        end
    end
  end

  defp fsplit_2_1(y, x, fun, [], r, rs, s),
    do: fmergel([[s], [y, x | r] | rs], [], fun, :desc)

  defp fmergel([t1, [h2 | t2] | l], acc, fun, :asc),
    do: fmergel(l, [fmerge2_1(t1, h2, fun, t2, []) | acc], fun, :asc)

  defp fmergel([[h2 | t2], t1 | l], acc, fun, :desc),
    do: fmergel(l, [fmerge2_1(t1, h2, fun, t2, []) | acc], fun, :desc)

  defp fmergel([l], [], _fun, _o), do: l
  defp fmergel([l], acc, fun, o), do: rfmergel([:lists.reverse(l, []) | acc], [], fun, o)
  defp fmergel([], acc, fun, o), do: rfmergel(acc, [], fun, o)

  defp rfmergel([[h2 | t2], t1 | l], acc, fun, :asc),
    do: rfmergel(l, [rfmerge2_1(t1, h2, fun, t2, []) | acc], fun, :asc)

  defp rfmergel([t1, [h2 | t2] | l], acc, fun, :desc),
    do: rfmergel(l, [rfmerge2_1(t1, h2, fun, t2, []) | acc], fun, :desc)

  defp rfmergel([l], acc, fun, o), do: fmergel([:lists.reverse(l, []) | acc], [], fun, o)
  defp rfmergel([], acc, fun, o), do: fmergel(acc, [], fun, o)

  defp fmerge2_1([h1 | t1], h2, fun, t2, m) do
    case fun.(h1, h2) do
      true -> fmerge2_1(t1, h2, fun, t2, [h1 | m])
      false -> fmerge2_2(h1, t1, fun, t2, [h2 | m])
    end
  end

  defp fmerge2_1([], h2, _fun, t2, m), do: :lists.reverse(t2, [h2 | m])

  defp fmerge2_2(h1, t1, fun, [h2 | t2], m) do
    case fun.(h1, h2) do
      true -> fmerge2_1(t1, h2, fun, t2, [h1 | m])
      false -> fmerge2_2(h1, t1, fun, t2, [h2 | m])
    end
  end

  defp fmerge2_2(h1, t1, _fun, [], m), do: :lists.reverse(t1, [h1 | m])

  defp rfmerge2_1([h1 | t1], h2, fun, t2, m) do
    case fun.(h1, h2) do
      true -> rfmerge2_2(h1, t1, fun, t2, [h2 | m])
      false -> rfmerge2_1(t1, h2, fun, t2, [h1 | m])
    end
  end

  defp rfmerge2_1([], h2, _fun, t2, m), do: :lists.reverse(t2, [h2 | m])

  defp rfmerge2_2(h1, t1, fun, [h2 | t2], m) do
    case fun.(h1, h2) do
      true -> rfmerge2_2(h1, t1, fun, t2, [h2 | m])
      false -> rfmerge2_1(t1, h2, fun, t2, [h1 | m])
    end
  end

  defp rfmerge2_2(h1, t1, _fun, [], m), do: :lists.reverse(t1, [h1 | m])

  # Elixir's own merge sort for enumerables that are not lists.
  defp sort_reducer(entry, {:split, y, x, r, rs, bool}, fun) do
    cond do
      fun.(y, entry) == bool -> {:split, entry, y, [x | r], rs, bool}
      fun.(x, entry) == bool -> {:split, y, entry, [x | r], rs, bool}
      r == [] -> {:split, y, x, [entry], rs, bool}
      true -> {:pivot, y, x, r, rs, entry, bool}
    end
  end

  defp sort_reducer(entry, {:pivot, y, x, r, rs, s, bool}, fun) do
    cond do
      fun.(y, entry) == bool -> {:pivot, entry, y, [x | r], rs, s, bool}
      fun.(x, entry) == bool -> {:pivot, y, entry, [x | r], rs, s, bool}
      fun.(s, entry) == bool -> {:split, entry, s, [], [[y, x | r] | rs], bool}
      true -> {:split, s, entry, [], [[y, x | r] | rs], bool}
    end
  end

  defp sort_reducer(entry, [x], fun), do: {:split, entry, x, [], [], fun.(x, entry)}
  defp sort_reducer(entry, acc, _fun), do: [entry | acc]

  defp sort_terminator({:split, y, x, r, rs, bool}, fun),
    do: sort_merge([[y, x | r] | rs], fun, bool)

  defp sort_terminator({:pivot, y, x, r, rs, s, bool}, fun),
    do: sort_merge([[s], [y, x | r] | rs], fun, bool)

  defp sort_terminator(acc, _fun), do: acc

  defp sort_merge(list, fun, true), do: reverse_sort_merge(list, [], fun, true)
  defp sort_merge(list, fun, false), do: sort_merge(list, [], fun, false)

  defp sort_merge([t1, [h2 | t2] | l], acc, fun, true),
    do: sort_merge(l, [sort_merge1(t1, h2, t2, [], fun, false) | acc], fun, true)

  defp sort_merge([[h2 | t2], t1 | l], acc, fun, false),
    do: sort_merge(l, [sort_merge1(t1, h2, t2, [], fun, false) | acc], fun, false)

  defp sort_merge([l], [], _fun, _bool), do: l

  defp sort_merge([l], acc, fun, bool),
    do: reverse_sort_merge([:lists.reverse(l, []) | acc], [], fun, bool)

  defp sort_merge([], acc, fun, bool), do: reverse_sort_merge(acc, [], fun, bool)

  defp reverse_sort_merge([[h2 | t2], t1 | l], acc, fun, true),
    do: reverse_sort_merge(l, [sort_merge1(t1, h2, t2, [], fun, true) | acc], fun, true)

  defp reverse_sort_merge([t1, [h2 | t2] | l], acc, fun, false),
    do: reverse_sort_merge(l, [sort_merge1(t1, h2, t2, [], fun, true) | acc], fun, false)

  defp reverse_sort_merge([l], acc, fun, bool),
    do: sort_merge([:lists.reverse(l, []) | acc], [], fun, bool)

  defp reverse_sort_merge([], acc, fun, bool), do: sort_merge(acc, [], fun, bool)

  defp sort_merge1([h1 | t1], h2, t2, m, fun, bool) do
    if fun.(h1, h2) == bool,
      do: sort_merge2(h1, t1, t2, [h2 | m], fun, bool),
      else: sort_merge1(t1, h2, t2, [h1 | m], fun, bool)
  end

  defp sort_merge1([], h2, t2, m, _fun, _bool), do: :lists.reverse(t2, [h2 | m])

  defp sort_merge2(h1, t1, [h2 | t2], m, fun, bool) do
    if fun.(h1, h2) == bool,
      do: sort_merge2(h1, t1, t2, [h2 | m], fun, bool),
      else: sort_merge1(t1, h2, t2, [h1 | m], fun, bool)
  end

  defp sort_merge2(h1, t1, [], m, _fun, _bool), do: :lists.reverse(t1, [h1 | m])
end

defmodule Enum.EmptyError do
  defexception message: "empty error"
end

defmodule Enum.OutOfBoundsError do
  defexception message: "out of bounds error"
end
