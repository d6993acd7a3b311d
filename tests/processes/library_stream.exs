# Stream.into/2,3 (read to the end), transform/5 and the deprecated
# chunk/2,3,4, filter_map/3 and uniq/2.
defmodule Col do
  defstruct items: []
  def new, do: %Col{}
end

defimpl Collectable, for: Col do
  def into(c) do
    IO.puts("into called")

    {c,
     fn
       acc, {:cont, x} ->
         IO.inspect(x, label: "cont")
         %{acc | items: [x | acc.items]}

       acc, :done ->
         IO.inspect(acc, label: "done")
         acc

       _acc, :halt ->
         IO.puts("halt")
         :ok
     end}
  end
end

defmodule Main do
  def t(label, f) do
    try do
      IO.inspect(f.(), label: label)
    rescue
      e -> IO.puts("#{label}: ** (#{inspect(e.__struct__)}) #{Exception.message(e)}")
    end
  end

  def main do
    s = Stream.into(1..3, Col.new())
    IO.puts("built")
    t("to_list", fn -> Enum.to_list(s) end)
    t("into/3 map", fn -> Stream.into([1, 2, 3], Col.new(), fn x -> x * 10 end) |> Stream.map(&(&1 + 1)) |> Enum.to_list() end)
    t("empty", fn -> Stream.into([], Col.new()) |> Enum.to_list() end)
    t("run", fn -> Stream.into([1, 2, 3], Col.new()) |> Stream.run() end)
    t("take 0", fn -> Stream.into([1, 2, 3], Col.new()) |> Enum.take(0) end)
    t("sum", fn -> Stream.into([1, 2, 3], Col.new()) |> Enum.reduce(0, &+/2) end)
    t("map coll", fn -> Stream.into([a: 1], %{}) |> Enum.to_list() end)
    t("binary coll", fn -> Stream.into(["a", "b"], "") |> Enum.to_list() end)
    t("mapset coll", fn -> Stream.into([1, 2], MapSet.new()) |> Enum.to_list() end)
    t("list coll", fn -> Stream.into([1, 2], [0]) |> Enum.to_list() end)
    t("stream source", fn -> Stream.into(Stream.map([1, 2], &(&1 * 2)), []) |> Enum.to_list() end)
    t("range source", fn -> Stream.into(1..4//2, [], &(&1 * 2)) |> Enum.to_list() end)
    t("bad coll", fn -> Stream.into([1], :foo) |> Enum.to_list() end)
    t("bad map element", fn -> Stream.into([1], %{}) |> Enum.to_list() end)
    t("bad binary element", fn -> Stream.into([1], "") |> Enum.to_list() end)
    t("bad transform", fn -> Stream.into([1], [], :x) end)
    t("nested", fn -> Stream.into(Stream.into([1, 2], Col.new()), Col.new(), &(&1 * 100)) |> Enum.to_list() end)
    t("into then each", fn -> Stream.into([:x, :y], Col.new()) |> Stream.each(&IO.inspect(&1, label: "each")) |> Stream.run() end)

    t("chunk/3 leftover needed", fn -> Stream.chunk(1..7, 3, 2) |> Enum.to_list() end)
    t("chunk/3 exact", fn -> Stream.chunk(1..6, 3, 3) |> Enum.to_list() end)
    t("chunk/2", fn -> Stream.chunk(1..7, 3) |> Enum.to_list() end)
    t("chunk/4 list", fn -> Stream.chunk(1..7, 3, 2, [:a]) |> Enum.to_list() end)
    t("chunk/4 empty", fn -> Stream.chunk(1..7, 3, 3, []) |> Enum.to_list() end)
    t("chunk/4 nil", fn -> Stream.chunk(1..7, 3, 3, nil) |> Enum.to_list() end)
    t("chunk/4 discard", fn -> Stream.chunk(1..7, 3, 3, :discard) |> Enum.to_list() end)
    t("filter_map", fn -> Stream.filter_map(1..6, &(rem(&1, 2) == 0), &(&1 * 10)) |> Enum.to_list() end)
    t("uniq/2", fn -> Stream.uniq([1, 2, 3, 4], &rem(&1, 2)) |> Enum.to_list() end)

    s = Stream.transform(1..5, fn -> IO.puts("start"); 0 end, fn x, acc -> {[x, acc], acc + x} end,
      fn acc -> IO.puts("last #{acc}"); {[:last, acc], acc * 100} end, fn acc -> IO.puts("after #{acc}") end)
    t("transform/5", fn -> Enum.to_list(s) end)
    s = Stream.transform(1..5, fn -> 0 end, fn x, acc -> if x > 3, do: {:halt, acc}, else: {[x], acc + x} end,
      fn acc -> IO.puts("last #{acc}"); {[:last], acc} end, fn acc -> IO.puts("after #{acc}") end)
    t("transform/5 halt", fn -> Enum.to_list(s) end)
    s = Stream.transform([], fn -> 0 end, fn x, acc -> {[x], acc} end,
      fn acc -> IO.puts("last #{acc}"); {:halt, acc} end, fn acc -> IO.puts("after #{acc}") end)
    t("transform/5 empty", fn -> Enum.to_list(s) end)
    s = Stream.transform(1..3, fn -> 0 end, fn x, acc -> {[x], acc} end, fn acc -> {1..2, acc + 1} end,
      fn acc -> IO.puts("after #{acc}") end)
    t("transform/5 range last", fn -> Enum.to_list(s) end)
    t("transform/5 bad", fn -> Stream.transform(1..3, fn -> 0 end, fn x, acc -> {[x], acc} end, :bad, fn _ -> :ok end) end)

    Stream.transform(1..2, fn -> IO.puts("start"); 0 end, fn x, acc -> IO.puts("reduce #{x}"); {[x], acc + x} end,
      fn acc -> IO.puts("last #{acc}"); {[:a, :b], acc} end, fn acc -> IO.puts("after #{acc}") end)
    |> Stream.each(&IO.inspect(&1, label: "each"))
    |> Stream.run()

    Stream.transform(1..2, fn -> IO.puts("start"); 0 end, fn x, acc -> IO.puts("reduce #{x}"); {[x], acc + x} end,
      fn acc -> IO.puts("after #{acc}") end)
    |> Stream.each(&IO.inspect(&1, label: "each"))
    |> Stream.run()
  end
end

Main.main()
