# Library functions added for Elixir programs: binary_slice, Float.ratio,
# the :ascii case modes, Stream.duplicate, System.unique_integer,
# IO.binwrite and IO.warn (stderr), and accumulating module attributes.
defmodule M do
  Module.register_attribute(__MODULE__, :items, accumulate: true)
  Module.register_attribute(__MODULE__, :plain, accumulate: false)
  def none, do: @items
  @items 1
  @items {:two, 2}
  @plain 5
  def items, do: @items
  @items 3
  def more, do: @items
  def plain, do: @plain
end
IO.inspect({M.none, M.items, M.more, M.plain})
IO.inspect(binary_slice("elixir", 0, 3)); IO.inspect(binary_slice("elixir", -3, 2)); IO.inspect(binary_slice("elixir", 10, 2)); IO.inspect(binary_slice("elixir", 1..3)); IO.inspect(binary_slice("elixir", -2..-1)); IO.inspect(binary_slice("elixir", 4, 10)); IO.inspect(binary_slice("héllo", 0, 2)); IO.inspect(binary_slice("abc", 2..0//1)); IO.inspect(binary_slice("elixir", 0..5//2))
IO.inspect(Float.ratio(0.75)); IO.inspect(Float.ratio(3.14)); IO.inspect(Float.ratio(-2.0)); IO.inspect(Float.ratio(0.1)); IO.inspect(Float.ratio(0.0)); IO.inspect(Float.ratio(1.0e20))
IO.inspect(String.upcase("héllo", :ascii)); IO.inspect(String.downcase("HÉLLO", :ascii)); IO.inspect(String.capitalize("élan", :ascii)); IO.inspect(String.capitalize("hELLO", :ascii)); IO.inspect(String.upcase("ß", :default))
IO.inspect(Stream.duplicate(:a, 3) |> Enum.to_list())
IO.inspect(is_integer(System.unique_integer([:positive])))
IO.binwrite("bin\n")
IO.warn("careful")
