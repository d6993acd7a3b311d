# A module the program defines under a library module's name stays the
# program's once the library has loaded in the background.
defmodule :queue do def snoc(q, x), do: {:mine, q, x} end
IO.inspect(:queue.snoc(1, 2)); Process.sleep(500); IO.inspect(:queue.snoc(1, 2))
