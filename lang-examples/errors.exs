# Errors: raise/rescue, throw/catch, exit, else and after. The `after`
# block runs however the try ends: a value, a rescued error, or an error
# raised again from a rescue, catch or else clause.
defmodule Inventory.OutOfStock do
  defexception [:item]
  def message(%{item: item}), do: "out of stock: #{item}"
end

defmodule Inventory do
  def take(stock, item) do
    case Map.fetch(stock, item) do
      {:ok, n} when n > 0 -> Map.put(stock, item, n - 1)
      _ -> raise Inventory.OutOfStock, item: item
    end
  end

  def order(stock, item) do
    try do
      take(stock, item)
    rescue
      e in Inventory.OutOfStock -> {:error, Exception.message(e)}
    else
      new_stock -> {:ok, new_stock}
    after
      IO.puts("order for #{item} processed")
    end
  end

  def strict_order(stock, item) do
    try do
      take(stock, item)
    rescue
      e in Inventory.OutOfStock -> reraise e, __STACKTRACE__
    after
      IO.puts("strict order for #{item} processed")
    end
  end

  def first_even(list) do
    try do
      Enum.each(list, fn x -> if rem(x, 2) == 0, do: throw({:found, x}) end)
      :none
    catch
      {:found, x} -> x
    end
  end
end

stock = %{apple: 1, pear: 0}
IO.inspect(Inventory.order(stock, :apple))
IO.inspect(Inventory.order(stock, :pear))

try do
  Inventory.strict_order(stock, :plum)
rescue
  e -> IO.puts("caught outside: " <> Exception.message(e))
end

IO.inspect(Inventory.first_even([1, 3, 4, 5, 6]))
IO.inspect(Inventory.first_even([1, 3]))

result =
  try do
    exit(:shutdown)
  catch
    :exit, reason -> {:exited, reason}
  end

IO.inspect(result)

try do
  try do
    10 / length([])
  rescue
    ArithmeticError -> raise ArgumentError, "converted"
  after
    IO.puts("inner after")
  end
rescue
  e in ArgumentError -> IO.puts("outer rescue: #{e.message}")
end
