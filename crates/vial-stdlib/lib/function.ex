# Function: helpers on functions (Elixir 1.14 `lib/elixir/lib/function.ex`);
# capture/3 is a BIF.
defmodule Function do
  # Its argument, unchanged.
  def identity(value), do: value
end
