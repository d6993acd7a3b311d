# OTP's global name registry, on one node: any term names a process, and
# a name server (registered as :global_name_server, as on the BEAM) keeps
# the names, monitoring each holder to drop its names when it dies. A name
# whose holder is already dead is free even before the server hears of it.
defmodule :global do
  def register_name(name, pid) when is_pid(pid), do: call({:register, name, pid})
  def register_name(name, pid, _resolve), do: register_name(name, pid)
  def unregister_name(name), do: call({:unregister, name})
  def whereis_name(name), do: call({:whereis, name})
  def registered_names, do: call(:names)

  def send(name, message) do
    case whereis_name(name) do
      pid when is_pid(pid) ->
        Kernel.send(pid, message)
        pid

      :undefined ->
        exit({:badarg, {name, message}})
    end
  end

  defp call(request) do
    server = server()
    ref = Process.monitor(server)
    Kernel.send(server, {:"$global", self(), ref, request})

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, _} ->
        call(request)
    end
  end

  defp server do
    case Process.whereis(:global_name_server) do
      nil -> start_server()
      pid -> pid
    end
  end

  defp start_server do
    pid = spawn(fn -> serve(%{}) end)

    try do
      Process.register(pid, :global_name_server)
      pid
    rescue
      ArgumentError ->
        Process.exit(pid, :kill)
        server()
    end
  end

  defp serve(names) do
    receive do
      {:"$global", from, ref, request} ->
        {reply, names} = handle(request, names)
        Kernel.send(from, {ref, reply})
        serve(names)

      {:DOWN, _, :process, pid, _} ->
        serve(Map.reject(names, fn {_, holder} -> holder == pid end))
    end
  end

  defp handle({:register, name, pid}, names) do
    holder = Map.get(names, name)

    if (is_pid(holder) and Process.alive?(holder)) or not Process.alive?(pid) do
      {:no, names}
    else
      Process.monitor(pid)
      {:yes, Map.put(names, name, pid)}
    end
  end

  defp handle({:unregister, name}, names), do: {:ok, Map.delete(names, name)}

  defp handle({:whereis, name}, names) do
    case Map.get(names, name) do
      pid when is_pid(pid) -> {if(Process.alive?(pid), do: pid, else: :undefined), names}
      nil -> {:undefined, names}
    end
  end

  defp handle(:names, names), do: {Map.keys(names), names}
end
