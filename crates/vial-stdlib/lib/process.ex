# Process: the parts of Elixir's Process module written in Vial.
defmodule Process do
  def sleep(:infinity) do
    receive do
    after
      :infinity -> :ok
    end
  end

  def sleep(ms) when is_integer(ms) and ms >= 0 do
    receive do
    after
      ms -> :ok
    end
  end
end
