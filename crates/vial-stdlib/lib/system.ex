# System: the functions written in Vial (argv, time and the environment
# are BIFs).
defmodule System do
  def unique_integer(modifiers \\ []) when is_list(modifiers),
    do: :erlang.unique_integer(modifiers)

  @doc false
  # The handlers of at_exit/1 at the script's end, each on its own (one
  # that raises does not stop the others).
  def __at_exit__(handlers, status) do
    Enum.each(handlers, fn fun ->
      try do
        fun.(status)
      catch
        _, _ -> :ok
      end
    end)
  end
end
