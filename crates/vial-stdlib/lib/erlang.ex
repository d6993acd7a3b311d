# Erlang library functions that take functions (or wait), which Elixir
# programs call directly: the Vial versions in Erlang's argument order, on
# top of Enum, List and Map. The rest of these modules are BIFs.

defmodule :timer do
  def sleep(ms), do: Process.sleep(ms)
  def seconds(s), do: s * 1000
  def minutes(m), do: m * 60_000
  def hours(h), do: h * 3_600_000
  def hms(h, m, s), do: hours(h) + minutes(m) + seconds(s)
  def send_after(ms, pid, message), do: {:ok, Process.send_after(pid, message, ms)}
  def send_after(ms, message), do: send_after(ms, self(), message)
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
end

defmodule :maps do
  def fold(fun, acc, map) when is_map(map),
    do: Enum.reduce(map, acc, fn {k, v}, acc -> fun.(k, v, acc) end)

  def map(fun, map) when is_map(map), do: Map.new(map, fn {k, v} -> {k, fun.(k, v)} end)
  def filter(pred, map) when is_map(map), do: Map.filter(map, fn {k, v} -> pred.(k, v) end)
  def foreach(fun, map) when is_map(map), do: Enum.each(map, fn {k, v} -> fun.(k, v) end)
  def find(key, map) when is_map(map), do: Map.fetch(map, key)
  def update(key, value, map) when is_map(map), do: Map.update!(map, key, fn _ -> value end)
  def with(keys, map) when is_map(map), do: Map.take(map, keys)
  def without(keys, map) when is_map(map), do: Map.drop(map, keys)
end
