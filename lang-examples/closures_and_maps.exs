# Closures capture their environment; maps and keyword lists hold data.
make_adder = fn n -> fn x -> x + n end end
add5 = make_adder.(5)
IO.inspect(add5.(10))
IO.inspect(Enum.map([1, 2, 3], &(&1 * 10)))

inventory = %{apples: 3, pears: 0, plums: 12}
inventory = %{inventory | pears: 4}
IO.inspect(inventory)
IO.inspect(Map.get(inventory, :plums))
IO.inspect(inventory[:kiwis])

stock =
  Enum.reduce(inventory, [], fn {fruit, count}, acc ->
    if count > 3, do: [fruit | acc], else: acc
  end)

IO.inspect(Enum.reverse(stock), label: "well stocked")
IO.inspect([name: "Vial", kind: :interpreter])
IO.inspect({:ok, "tuple", 1.5, nil, true})
