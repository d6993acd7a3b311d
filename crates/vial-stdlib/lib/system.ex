# System: the functions written in Vial (argv, time and the environment
# are BIFs).
defmodule System do
  def unique_integer(modifiers \\ []) when is_list(modifiers),
    do: :erlang.unique_integer(modifiers)
end
