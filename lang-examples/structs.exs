# Structs: defaults, update syntax, pattern matching, and @enforce_keys,
# which struct!/2 checks.
defmodule Account do
  @enforce_keys [:id]
  defstruct [:id, owner: "nobody", balance: 0]

  def deposit(%Account{balance: b} = acc, amount) when amount > 0 do
    %Account{acc | balance: b + amount}
  end

  def describe(%Account{id: id, owner: owner, balance: b}) do
    "account #{id} of #{owner}: #{b}"
  end
end

defmodule Address do
  defstruct city: "", zip: nil
end

# A struct default may be another struct.
defmodule Customer do
  defstruct name: nil, address: %Address{city: "Lisbon"}, accounts: []
end

defmodule Main do
  def run do
    acc = struct!(Account, id: 1, owner: "ada")
    acc = acc |> Account.deposit(50) |> Account.deposit(25)
    IO.puts(Account.describe(acc))
    IO.inspect(acc)
    IO.inspect(struct(Account, balance: 7, unknown: 1))

    for fields <- [[owner: "bob"], [id: 2, bogus: true]] do
      try do
        struct!(Account, fields)
      rescue
        e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
      end
    end

    c = %Customer{name: "ada", accounts: [acc.id]}
    IO.inspect(c)
    IO.puts(c.address.city)
  end
end

Main.run()
