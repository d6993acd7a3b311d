# Stream: lazy enumerables (Elixir 1.14 `lib/elixir/lib/stream.ex`).
#
# Here a stream is a `%Stream{next: fun}` whose `fun.()` returns
# `{element, rest}` or `:done`, `rest` being a cursor: a list, a range
# tuple `{:range, first, last, step}`, or another stream. Elements are
# computed when pulled, one at a time, so infinite streams work with the
# Enum functions that stop early (take/2, find/2, at/2, zip/2, ...). Other
# enumerables are read through cursors too, ranges without building them.
defmodule Stream do
  defstruct [:next]

  # ---- cursors (used by Enum as well) ----------------------------------------

  @doc false
  # A cursor over any enumerable.
  def __cursor__(list) when is_list(list), do: list
  def __cursor__(%{__struct__: Stream} = stream), do: stream

  def __cursor__(%{__struct__: Range, first: first, last: last, step: step}),
    do: {:range, first, last, step}

  def __cursor__(enumerable), do: Enum.to_list(enumerable)

  @doc false
  # {element, rest} or :done.
  def __next__([head | tail]), do: {head, tail}
  def __next__([]), do: :done
  def __next__(%{__struct__: Stream, next: next}), do: next.()

  def __next__({:range, first, last, step})
      when (step > 0 and first <= last) or (step < 0 and first >= last),
      do: {first, {:range, first + step, last, step}}

  def __next__({:range, _, _, _}), do: :done

  defp lazy(fun), do: %Stream{next: fun}

  defp empty, do: []

  # ---- sources -----------------------------------------------------------------

  # start, fun(start), fun(fun(start)), ...
  def iterate(start, fun) when is_function(fun, 1),
    do: lazy(fn -> {start, iterate_rest(start, fun)} end)

  defp iterate_rest(prev, fun) do
    lazy(fn ->
      value = fun.(prev)
      {value, iterate_rest(value, fun)}
    end)
  end

  # The elements of fun(acc) = {element, next_acc}, until it returns nil.
  def unfold(acc, fun) when is_function(fun, 1) do
    lazy(fn ->
      case fun.(acc) do
        {element, next_acc} -> {element, unfold(next_acc, fun)}
        nil -> :done
      end
    end)
  end

  # fun.() called for each element, forever.
  def repeatedly(fun) when is_function(fun, 0), do: lazy(fn -> {fun.(), repeatedly(fun)} end)

  def duplicate(value, n) when is_integer(n) and n >= 0,
    do: take(repeatedly(fn -> value end), n)

  # 0, 1, 2, ..., one every `ms` milliseconds (each waits before it is
  # emitted).
  def interval(ms) when is_integer(ms) and ms >= 0, do: interval_from(0, ms)

  defp interval_from(n, ms) do
    lazy(fn ->
      Process.sleep(ms)
      {n, interval_from(n + 1, ms)}
    end)
  end

  # A single 0, emitted after `ms` milliseconds.
  def timer(ms) when is_integer(ms) and ms >= 0 do
    lazy(fn ->
      Process.sleep(ms)
      {0, []}
    end)
  end

  # The enumerable's elements, over and over.
  def cycle([]), do: raise(ArgumentError, "cannot cycle over an empty enumerable")
  def cycle(enumerable), do: cycle_from(enumerable, __cursor__(enumerable))

  defp cycle_from(enumerable, cursor) do
    lazy(fn ->
      case __next__(cursor) do
        {x, rest} ->
          {x, cycle_from(enumerable, rest)}

        :done ->
          case __next__(__cursor__(enumerable)) do
            {x, rest} -> {x, cycle_from(enumerable, rest)}
            :done -> raise ArgumentError, "cannot cycle over an empty enumerable"
          end
      end
    end)
  end

  # The elements produced by next_fun(acc) = {elements, acc} | {:halt, acc}
  # from start_fun.(), after_fun(acc) being called at the end.
  def resource(start_fun, next_fun, after_fun),
    do: lazy(fn -> resource_pull(start_fun.(), next_fun, after_fun) end)

  defp resource_pull(acc, next_fun, after_fun) do
    case next_fun.(acc) do
      {:halt, acc} ->
        after_fun.(acc)
        :done

      {elements, acc} ->
        resource_emit(__cursor__(elements), acc, next_fun, after_fun)
    end
  end

  defp resource_emit(cursor, acc, next_fun, after_fun) do
    case __next__(cursor) do
      {x, rest} -> {x, lazy(fn -> resource_emit(rest, acc, next_fun, after_fun) end)}
      :done -> resource_pull(acc, next_fun, after_fun)
    end
  end

  # ---- transformations -------------------------------------------------------------

  # fun(element) for each element, lazily.
  def map(enumerable, fun) when is_function(fun, 1),
    do: lazy(fn -> map_next(__cursor__(enumerable), fun) end)

  defp map_next(cursor, fun) do
    case __next__(cursor) do
      {x, rest} -> {fun.(x), lazy(fn -> map_next(rest, fun) end)}
      :done -> :done
    end
  end

  # fun(element) for every nth element (the first included).
  def map_every(enumerable, nth, fun) when is_integer(nth) and nth >= 0 do
    case nth do
      0 -> lazy(fn -> __next__(__cursor__(enumerable)) end)
      _ -> lazy(fn -> map_every_next(__cursor__(enumerable), nth, 0, fun) end)
    end
  end

  defp map_every_next(cursor, nth, n, fun) do
    case __next__(cursor) do
      {x, rest} ->
        value = if n == 0, do: fun.(x), else: x
        next_n = if n == 0, do: nth - 1, else: n - 1
        {value, lazy(fn -> map_every_next(rest, nth, next_n, fun) end)}

      :done ->
        :done
    end
  end

  # Calls fun(element) as each element passes.
  def each(enumerable, fun) when is_function(fun, 1),
    do:
      map(enumerable, fn x ->
        fun.(x)
        x
      end)

  # The elements for which fun is truthy.
  def filter(enumerable, fun) when is_function(fun, 1),
    do: lazy(fn -> filter_next(__cursor__(enumerable), fun, true) end)

  # The elements for which fun is falsy.
  def reject(enumerable, fun) when is_function(fun, 1),
    do: lazy(fn -> filter_next(__cursor__(enumerable), fun, false) end)

  defp filter_next(cursor, fun, keep) do
    case __next__(cursor) do
      {x, rest} ->
        if !!fun.(x) == keep,
          do: {x, lazy(fn -> filter_next(rest, fun, keep) end)},
          else: filter_next(rest, fun, keep)

      :done ->
        :done
    end
  end

  # The first count elements (negative: the last -count, read eagerly).
  def take(_enumerable, 0), do: empty()

  def take(enumerable, count) when is_integer(count) and count > 0,
    do: lazy(fn -> take_next(__cursor__(enumerable), count) end)

  def take(enumerable, count) when is_integer(count) and count < 0,
    do: lazy(fn -> __next__(Enum.take(enumerable, count)) end)

  defp take_next(cursor, count) do
    case __next__(cursor) do
      {x, _rest} when count == 1 -> {x, []}
      {x, rest} -> {x, lazy(fn -> take_next(rest, count - 1) end)}
      :done -> :done
    end
  end

  # All but the first count elements (negative: all but the last -count).
  def drop(enumerable, count) when is_integer(count) and count >= 0,
    do: lazy(fn -> __next__(drop_cursor(__cursor__(enumerable), count)) end)

  def drop(enumerable, count) when is_integer(count) and count < 0,
    do: lazy(fn -> __next__(Enum.drop(enumerable, count)) end)

  defp drop_cursor(cursor, 0), do: cursor

  defp drop_cursor(cursor, count) do
    case __next__(cursor) do
      {_, rest} -> drop_cursor(rest, count - 1)
      :done -> []
    end
  end

  # The leading elements for which fun is truthy.
  def take_while(enumerable, fun) when is_function(fun, 1),
    do: lazy(fn -> take_while_next(__cursor__(enumerable), fun) end)

  defp take_while_next(cursor, fun) do
    case __next__(cursor) do
      {x, rest} ->
        if fun.(x), do: {x, lazy(fn -> take_while_next(rest, fun) end)}, else: :done

      :done ->
        :done
    end
  end

  # The elements after the leading ones for which fun is truthy.
  def drop_while(enumerable, fun) when is_function(fun, 1),
    do: lazy(fn -> drop_while_next(__cursor__(enumerable), fun) end)

  defp drop_while_next(cursor, fun) do
    case __next__(cursor) do
      {x, rest} -> if fun.(x), do: drop_while_next(rest, fun), else: {x, rest}
      :done -> :done
    end
  end

  # Every nth element, starting with the first.
  def take_every(_enumerable, 0), do: empty()

  def take_every(enumerable, nth) when is_integer(nth) and nth > 0,
    do: lazy(fn -> every_next(__cursor__(enumerable), nth, 0, true) end)

  # The elements without every nth one, starting with the first.
  def drop_every(enumerable, 0), do: lazy(fn -> __next__(__cursor__(enumerable)) end)

  def drop_every(enumerable, nth) when is_integer(nth) and nth > 0,
    do: lazy(fn -> every_next(__cursor__(enumerable), nth, 0, false) end)

  defp every_next(cursor, nth, n, take?) do
    case __next__(cursor) do
      {x, rest} ->
        next_n = if n == 0, do: nth - 1, else: n - 1

        if (n == 0) == take?,
          do: {x, lazy(fn -> every_next(rest, nth, next_n, take?) end)},
          else: every_next(rest, nth, next_n, take?)

      :done ->
        :done
    end
  end

  # The elements of each fun(element), spliced in.
  def flat_map(enumerable, fun) when is_function(fun, 1),
    do: lazy(fn -> flat_map_next(__cursor__(enumerable), [], fun) end)

  defp flat_map_next(cursor, inner, fun) do
    case __next__(inner) do
      {x, rest} ->
        {x, lazy(fn -> flat_map_next(cursor, rest, fun) end)}

      :done ->
        case __next__(cursor) do
          {x, rest} -> flat_map_next(rest, __cursor__(fun.(x)), fun)
          :done -> :done
        end
    end
  end

  # The enumerables of an enumerable, one after the other.
  def concat(enumerables), do: flat_map(enumerables, fn x -> x end)

  # first's elements, then second's.
  def concat(first, second), do: concat([first, second])

  # Elements emitted by reducer(element, acc) = {elements, acc} or
  # {:halt, acc}.
  def transform(enumerable, acc, reducer) when is_function(reducer, 2),
    do: transform(enumerable, fn -> acc end, reducer, fn _ -> :ok end)

  # As transform/3 with start_fun.() as the accumulator and after_fun(acc)
  # called at the end.
  def transform(enumerable, start_fun, reducer, after_fun),
    do: transform(enumerable, start_fun, reducer, fn acc -> {[], acc} end, after_fun)

  # As transform/4, with last_fun(acc) = {elements, acc} or {:halt, acc}
  # emitting a last batch when the enumerable ends (not when reducer
  # halts); after_fun(acc) is called once everything has been read.
  def transform(enumerable, start_fun, reducer, last_fun, after_fun)
      when is_function(start_fun, 0) and is_function(reducer, 2) and is_function(last_fun, 1) and
             is_function(after_fun, 1) do
    lazy(fn ->
      transform_next(__cursor__(enumerable), [], start_fun.(), {reducer, last_fun, after_fun})
    end)
  end

  # The cursor is :finished once last_fun has given its elements.
  defp transform_next(cursor, pending, acc, {reducer, last_fun, after_fun} = funs) do
    case __next__(pending) do
      {x, rest} ->
        {x, lazy(fn -> transform_next(cursor, rest, acc, funs) end)}

      :done when cursor == :finished ->
        after_fun.(acc)
        :done

      :done ->
        case __next__(cursor) do
          {x, rest} ->
            case reducer.(x, acc) do
              {:halt, acc} ->
                after_fun.(acc)
                :done

              {elements, acc} ->
                transform_next(rest, __cursor__(elements), acc, funs)
            end

          :done ->
            case last_fun.(acc) do
              {:halt, acc} ->
                after_fun.(acc)
                :done

              {elements, acc} ->
                transform_next(:finished, __cursor__(elements), acc, funs)
            end
        end
    end
  end

  # Successive reductions, the first element as the start.
  def scan(enumerable, fun) do
    lazy(fn ->
      case __next__(__cursor__(enumerable)) do
        {x, rest} -> {x, lazy(fn -> scan_next(rest, x, fun) end)}
        :done -> :done
      end
    end)
  end

  # Successive reductions from acc.
  def scan(enumerable, acc, fun), do: lazy(fn -> scan_next(__cursor__(enumerable), acc, fun) end)

  defp scan_next(cursor, acc, fun) do
    case __next__(cursor) do
      {x, rest} ->
        acc = fun.(x, acc)
        {acc, lazy(fn -> scan_next(rest, acc, fun) end)}

      :done ->
        :done
    end
  end

  # Each element as {element, index}, indexes counted from offset.
  def with_index(enumerable), do: with_index(enumerable, 0)

  def with_index(enumerable, offset) when is_integer(offset),
    do: lazy(fn -> index_next(__cursor__(enumerable), offset) end)

  defp index_next(cursor, i) do
    case __next__(cursor) do
      {x, rest} -> {{x, i}, lazy(fn -> index_next(rest, i + 1) end)}
      :done -> :done
    end
  end

  # separator between each two elements.
  def intersperse(enumerable, separator) do
    lazy(fn ->
      case __next__(__cursor__(enumerable)) do
        {x, rest} -> {x, lazy(fn -> intersperse_next(rest, separator) end)}
        :done -> :done
      end
    end)
  end

  defp intersperse_next(cursor, separator) do
    case __next__(cursor) do
      {x, rest} -> {separator, [x | lazy(fn -> intersperse_next(rest, separator) end)]}
      :done -> :done
    end
  end

  # The elements without consecutive duplicates (===).
  def dedup(enumerable), do: dedup_by(enumerable, fn x -> x end)

  # The elements without consecutive ones with the same fun(element).
  def dedup_by(enumerable, fun) when is_function(fun, 1),
    do: lazy(fn -> dedup_next(__cursor__(enumerable), fun, :none) end)

  defp dedup_next(cursor, fun, prev) do
    case __next__(cursor) do
      {x, rest} ->
        key = fun.(x)

        case prev do
          {:some, ^key} -> dedup_next(rest, fun, prev)
          _ -> {x, lazy(fn -> dedup_next(rest, fun, {:some, key}) end)}
        end

      :done ->
        :done
    end
  end

  # Deprecated: fun(element) for the elements for which filter is truthy.
  def filter_map(enumerable, filter, mapper), do: map(filter(enumerable, filter), mapper)

  # The elements without duplicates (first occurrences kept).
  def uniq(enumerable), do: uniq_by(enumerable, fn x -> x end)

  # Deprecated name of uniq_by/2.
  def uniq(enumerable, fun), do: uniq_by(enumerable, fun)

  # The elements without those whose fun(element) was already seen.
  def uniq_by(enumerable, fun) when is_function(fun, 1),
    do: lazy(fn -> uniq_next(__cursor__(enumerable), fun, %{}) end)

  defp uniq_next(cursor, fun, seen) do
    case __next__(cursor) do
      {x, rest} ->
        key = fun.(x)

        if is_map_key(seen, key),
          do: uniq_next(rest, fun, seen),
          else: {x, lazy(fn -> uniq_next(rest, fun, Map.put(seen, key, true)) end)}

      :done ->
        :done
    end
  end

  # Chunks built by chunk_fun (see Enum.chunk_while/4), lazily.
  def chunk_while(enumerable, acc, chunk_fun, after_fun)
      when is_function(chunk_fun, 2) and is_function(after_fun, 1) do
    lazy(fn -> chunk_while_next(__cursor__(enumerable), acc, chunk_fun, after_fun) end)
  end

  defp chunk_while_next(cursor, acc, chunk_fun, after_fun) do
    case __next__(cursor) do
      {x, rest} ->
        case chunk_fun.(x, acc) do
          {:cont, chunk, acc} -> {chunk, lazy(fn -> chunk_while_next(rest, acc, chunk_fun, after_fun) end)}
          {:cont, acc} -> chunk_while_next(rest, acc, chunk_fun, after_fun)
          {:halt, acc} -> chunk_while_after(acc, after_fun)
        end

      :done ->
        chunk_while_after(acc, after_fun)
    end
  end

  defp chunk_while_after(acc, after_fun) do
    case after_fun.(acc) do
      {:cont, chunk, _acc} -> {chunk, []}
      {:cont, _acc} -> :done
    end
  end

  # Chunks of count elements, each starting step after the previous (see
  # Enum.chunk_every/4).
  def chunk_every(enumerable, count), do: chunk_every(enumerable, count, count, [])
  def chunk_every(enumerable, count, step), do: chunk_every(enumerable, count, step, [])

  def chunk_every(enumerable, count, step, leftover)
      when is_integer(count) and count > 0 and is_integer(step) and step > 0 do
    limit = Kernel.max(count, step)
    lazy(fn -> chunk_next(__cursor__(enumerable), count, step, limit, leftover, [], 0) end)
  end

  defp chunk_next(cursor, count, step, limit, leftover, buffer, n) do
    case __next__(cursor) do
      {x, rest} ->
        buffer = [x | buffer]
        n = n + 1

        {kept, kept_n} =
          if n >= limit, do: {Enum.take(buffer, n - step), n - step}, else: {buffer, n}

        next = fn -> chunk_next(rest, count, step, limit, leftover, kept, kept_n) end

        if n == count,
          do: {:lists.reverse(buffer), lazy(next)},
          else: next.()

      :done ->
        if leftover == :discard or n == 0 or n >= count,
          do: :done,
          else: {:lists.reverse(buffer, Enum.take(leftover, count - n)), []}
    end
  end

  # Deprecated chunk/2,3,4 (chunk_every/2,3,4 with other leftovers):
  # chunk/2 drops an incomplete last chunk; chunk/3 passes nil on as the
  # leftover (an error when it is needed, as in Elixir); chunk/4 takes nil
  # for :discard.
  def chunk(enumerable, count), do: chunk_every(enumerable, count, count, :discard)
  def chunk(enumerable, count, step), do: chunk_every(enumerable, count, step, nil)

  def chunk(enumerable, count, step, leftover),
    do: chunk_every(enumerable, count, step, leftover || :discard)

  # Runs of consecutive elements with the same fun(element).
  def chunk_by(enumerable, fun) when is_function(fun, 1) do
    lazy(fn ->
      case __next__(__cursor__(enumerable)) do
        {x, rest} -> chunk_by_next(rest, fun, fun.(x), [x])
        :done -> :done
      end
    end)
  end

  defp chunk_by_next(cursor, fun, key, chunk) do
    case __next__(cursor) do
      {x, rest} ->
        case fun.(x) do
          ^key ->
            chunk_by_next(rest, fun, key, [x | chunk])

          new_key ->
            {:lists.reverse(chunk), lazy(fn -> chunk_by_next(rest, fun, new_key, [x]) end)}
        end

      :done ->
        {:lists.reverse(chunk), []}
    end
  end

  # {x, y} pairs of corresponding elements, as long as the shorter one.
  def zip(enumerable1, enumerable2), do: zip([enumerable1, enumerable2])

  # Tuples of corresponding elements of several enumerables.
  def zip(enumerables), do: zip_with(enumerables, &List.to_tuple/1)

  # fun(x, y) of corresponding elements.
  def zip_with(enumerable1, enumerable2, fun) when is_function(fun, 2),
    do: zip_with([enumerable1, enumerable2], fn [x, y] -> fun.(x, y) end)

  # fun([x, y, ...]) of corresponding elements of several enumerables.
  def zip_with(enumerables, fun) when is_function(fun, 1),
    do: lazy(fn -> zip_next(Enum.map(enumerables, &__cursor__/1), fun) end)

  defp zip_next([], _fun), do: :done

  defp zip_next(cursors, fun) do
    case zip_step(cursors, [], []) do
      nil -> :done
      {heads, rests} -> {fun.(heads), lazy(fn -> zip_next(rests, fun) end)}
    end
  end

  defp zip_step([cursor | more], heads, rests) do
    case __next__(cursor) do
      {x, rest} -> zip_step(more, [x | heads], [rest | rests])
      :done -> nil
    end
  end

  defp zip_step([], heads, rests), do: {:lists.reverse(heads), :lists.reverse(rests)}

  # The elements as they are, each also fed (through transform) into
  # collectable as the stream is read: Collectable's into/1 is asked for
  # {acc, fun} at the first pull, fun(acc, {:cont, value}) is called per
  # element and fun(acc, :done) once the enumerable ends. The collected
  # result is dropped; this is for side effects (usually with run/1).
  # (A stream read only in part never reaches :done here.)
  def into(enumerable, collectable, transform \\ fn x -> x end)
      when is_function(transform, 1) do
    lazy(fn ->
      {acc, fun} = collector(collectable)
      into_next(__cursor__(enumerable), acc, fun, transform)
    end)
  end

  defp into_next(cursor, acc, fun, transform) do
    case __next__(cursor) do
      {x, rest} ->
        acc = fun.(acc, {:cont, transform.(x)})
        {x, lazy(fn -> into_next(rest, acc, fun, transform) end)}

      :done ->
        fun.(acc, :done)
        :done
    end
  end

  # Collectable.into/1 for the built-in collectables and for structs that
  # implement Collectable.
  defp collector(list) when is_list(list) do
    {[], fn
      acc, {:cont, x} -> [x | acc]
      acc, :done -> list ++ :lists.reverse(acc)
      _acc, :halt -> :ok
    end}
  end

  defp collector(%{__struct__: MapSet} = set) do
    {set, fn
      acc, {:cont, x} -> MapSet.put(acc, x)
      acc, :done -> acc
      _acc, :halt -> :ok
    end}
  end

  defp collector(%{__struct__: _} = struct) do
    case :vial_protocol.impl_for(Collectable, struct, false) do
      nil -> not_collectable(struct)
      impl -> impl.into(struct)
    end
  end

  defp collector(map) when is_map(map) do
    {map, fn
      acc, {:cont, {key, value}} -> Map.put(acc, key, value)
      acc, :done -> acc
      _acc, :halt -> :ok
      _acc, _other -> raise_collect_clause(Collectable.Map)
    end}
  end

  defp collector(binary) when is_binary(binary) do
    {[binary], fn
      acc, {:cont, x} when is_binary(x) -> [acc | x]
      acc, :done -> IO.iodata_to_binary(acc)
      _acc, :halt -> :ok
      _acc, _other -> raise_collect_clause(Collectable.BitString)
    end}
  end

  defp collector(other), do: not_collectable(other)

  defp not_collectable(value),
    do: raise(Protocol.UndefinedError, protocol: Collectable, value: value, description: "")

  # The error of Elixir's collecting function given an element it does not
  # take (a non-pair for a map, a non-binary for a binary).
  defp raise_collect_clause(module),
    do: raise(FunctionClauseError, module: module, function: :"-into/1-fun-0-", arity: 2)

  # Reads the stream for its side effects; returns :ok.
  def run(enumerable) do
    run_cursor(__cursor__(enumerable))
  end

  defp run_cursor(cursor) do
    case __next__(cursor) do
      {_, rest} -> run_cursor(rest)
      :done -> :ok
    end
  end
end
