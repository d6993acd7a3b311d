# Reports of exceptions whose module defines message/1, the dot on nil
# and the booleans, struct!/2 with a map of fields, and defstruct
# defaults computed from constants.
defmodule EM do
  def f(r) do
    :erlang.error(r)
  rescue
    e -> IO.inspect(e)
  end

  def g(r) do
    try do
      :erlang.error(r)
    rescue
      e -> IO.puts(Exception.message(e))
    end
  end
end

defmodule PE do
  defexception [:x]
  def message(e), do: "pe #{e.x}"
end

defmodule P do
  @enforce_keys [:x]
  defstruct x: 0, y: 0
end

defmodule S do
  defstruct r: 1..3, down: 5..1, stepped: 1..10//2, secs: 60 * 60, half: 1 / 2,
            name: "a" <> "b", l: [1] ++ [2], f: 1.5 * 2
end

IO.puts(Exception.format_banner(:error, PE.exception(x: 1)))
IO.puts(Exception.format(:error, PE.exception(x: 3)))
IO.puts(Exception.format(:error, :badarg))
IO.puts(Exception.format(:throw, :ball, []))

try do
  raise PE, x: 2
rescue
  e -> IO.puts(Exception.format(:error, e, []))
end

for v <- [nil, true, 5, :foo, %{a: 1}] do
  try do
    IO.inspect(v.name)
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

IO.inspect(struct!(P, %{x: 1}))
IO.inspect(struct!(P, x: 2, y: 3))

try do
  struct!(P, %{y: 1})
rescue
  e -> IO.puts(Exception.message(e))
end

IO.inspect(struct(S, []))
IO.inspect(Enum.to_list(struct(S).stepped))

# :undef and :function_clause name the function at the top of the trace.
EM.f(:function_clause)
EM.f(:undef)
EM.f(:badarg)
EM.g(:function_clause)
EM.g(:undef)
