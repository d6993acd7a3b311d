# Enum: eager operations over enumerables (lists, ranges, maps), written in
# Vial on top of list recursion, as Elixir's own Enum is written in Elixir.
defmodule Enum do
  def to_list(list) when is_list(list), do: list
  def to_list(%{__struct__: Range, first: first, last: last, step: step}),
    do: range_list(first, last, step, [])
  def to_list(map) when is_map(map), do: Map.to_list(map)

  # Builds first..last//step from the back, tail-recursively.
  defp range_list(first, last, step, acc) when step > 0 and first > last, do: acc
  defp range_list(first, last, step, acc) when step < 0 and first < last, do: acc
  defp range_list(first, last, step, acc) do
    count = div(last - first, step)
    range_down(first + count * step, first, step, acc)
  end

  defp range_down(current, first, _step, acc) when current == first, do: [current | acc]
  defp range_down(current, first, step, acc),
    do: range_down(current - step, first, step, [current | acc])

  def map(enumerable, fun), do: map_list(to_list(enumerable), fun)

  defp map_list([], _fun), do: []
  defp map_list([head | tail], fun), do: [fun.(head) | map_list(tail, fun)]

  def each(enumerable, fun) do
    each_list(to_list(enumerable), fun)
    :ok
  end

  defp each_list([], _fun), do: :ok
  defp each_list([head | tail], fun) do
    fun.(head)
    each_list(tail, fun)
  end

  def reduce(enumerable, acc, fun), do: reduce_list(to_list(enumerable), acc, fun)

  def reduce(enumerable, fun) do
    case to_list(enumerable) do
      [head | tail] -> reduce_list(tail, head, fun)
      [] -> raise Enum.EmptyError
    end
  end

  defp reduce_list([], acc, _fun), do: acc
  defp reduce_list([head | tail], acc, fun), do: reduce_list(tail, fun.(head, acc), fun)

  def filter(enumerable, fun), do: filter_list(to_list(enumerable), fun)

  defp filter_list([], _fun), do: []
  defp filter_list([head | tail], fun) do
    if fun.(head), do: [head | filter_list(tail, fun)], else: filter_list(tail, fun)
  end

  def reject(enumerable, fun), do: filter(enumerable, fn x -> !fun.(x) end)

  def reverse(enumerable), do: :lists.reverse(to_list(enumerable))

  def sum(enumerable), do: reduce_list(to_list(enumerable), 0, fn x, acc -> acc + x end)

  def count(enumerable), do: length(to_list(enumerable))

  def count(enumerable, fun),
    do: reduce_list(to_list(enumerable), 0, fn x, acc -> if fun.(x), do: acc + 1, else: acc end)

  def member?(enumerable, value), do: value in to_list(enumerable)

  def into(enumerable, collectable) when is_list(collectable),
    do: collectable ++ to_list(enumerable)

  def into(enumerable, %{} = map),
    do: reduce_list(to_list(enumerable), map, fn {k, v}, acc -> Map.put(acc, k, v) end)

  def join(enumerable, separator \\ "") do
    case to_list(enumerable) do
      [] -> ""
      [first | rest] ->
        reduce_list(rest, to_string(first), fn x, acc -> acc <> separator <> to_string(x) end)
    end
  end

  def with_index(enumerable, offset \\ 0) do
    {list, _} =
      reduce_list(to_list(enumerable), {[], offset}, fn x, {acc, i} -> {[{x, i} | acc], i + 1} end)

    :lists.reverse(list)
  end
end

defmodule Enum.EmptyError do
  defexception message: "empty error"
end
