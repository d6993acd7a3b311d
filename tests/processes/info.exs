defmodule T do
  def main do
    parent = self()

    pid =
      spawn(fn ->
        receive do
          :go -> send(parent, :done)
        end
      end)

    send(self(), :a)
    send(self(), :b)
    IO.inspect(Process.info(self(), :message_queue_len), label: "own queue")
    IO.inspect(Process.info(self(), :messages), label: "own messages")
    receive do: (:a -> :ok)
    receive do: (:b -> :ok)
    IO.inspect(Process.info(self(), :status), label: "own status")
    Process.sleep(50)
    IO.inspect(Process.info(pid, :status), label: "blocked status")
    IO.inspect(Process.info(pid, :message_queue_len), label: "blocked queue")
    IO.inspect(Process.info(pid, :links), label: "links")
    IO.inspect(Process.info(pid, :monitors), label: "monitors")
    IO.inspect(Process.info(pid, :registered_name), label: "registered_name")
    {:memory, mem} = Process.info(pid, :memory)
    IO.inspect(is_integer(mem) and mem > 0, label: "memory")
    IO.inspect(Process.info(pid, [:status, :message_queue_len]), label: "list")
    IO.inspect(Process.info(pid, :trap_exit), label: "trap_exit")
    send(pid, :go)
    receive do: (:done -> :ok)
    Process.sleep(50)
    IO.inspect(Process.info(pid, :status), label: "dead")

    try do
      Process.info(self(), :no_such_item)
    rescue
      e -> IO.inspect(e, label: "bad item")
    end
  end
end

T.main()

# A dead process has no info at all.
dead = spawn(fn -> :ok end)
Process.sleep(20)
IO.inspect(Process.info(dead), label: "info of a dead process")
