# Tests a :duplicate Registry as pub/sub: several entries per key, dispatch/3, unregister, keys/2, count, and cleanup when owners die.
{:ok, _} = Registry.start_link(keys: :duplicate, name: Topics)
parent = self()

# Each subscriber registers under one or more topics and forwards what it receives.
subscribe = fn name, topics ->
  spawn(fn ->
    for t <- topics, do: {:ok, _} = Registry.register(Topics, t, name)
    send(parent, {:subscribed, name})

    loop = fn loop ->
      receive do
        {:news, topic, text} ->
          send(parent, {:got, name, topic, text})
          loop.(loop)
      end
    end

    loop.(loop)
  end)
end

subs = %{
  ann: subscribe.(:ann, ["sports", "weather"]),
  bob: subscribe.(:bob, ["sports"]),
  cat: subscribe.(:cat, ["weather", "sports"])
}

for _ <- 1..3, do: receive(do: ({:subscribed, _} -> :ok))

# The same process may register the same key twice in a :duplicate registry.
{:ok, _} = Registry.register(Topics, "sports", :me_first)
{:ok, _} = Registry.register(Topics, "sports", :me_second)

values = fn key -> Registry.lookup(Topics, key) |> Enum.map(&elem(&1, 1)) |> Enum.sort() end
IO.inspect(values.("sports"), label: "sports")
IO.inspect(values.("weather"), label: "weather")
IO.inspect(values.("golf"), label: "golf")
IO.inspect(Registry.count(Topics), label: "count")
IO.inspect(Registry.keys(Topics, subs.ann) |> Enum.sort(), label: "keys of ann")
IO.inspect(Registry.keys(Topics, self()), label: "keys of self")

# dispatch/3 calls the function with the entries for the key, in the caller.
publish = fn topic, text ->
  :ok =
    Registry.dispatch(Topics, topic, fn entries ->
      others = for {pid, _name} <- entries, pid != self(), do: send(pid, {:news, topic, text})
      send(self(), {:dispatched, length(entries), length(others)})
    end)

  # With no entries at all, dispatch does not call the function.
  {n, sent} =
    receive do
      {:dispatched, n, sent} -> {n, sent}
    after
      0 -> {:not_called, 0}
    end

  got = for _ <- 1..sent//1, do: receive(do: ({:got, who, ^topic, ^text} -> who))
  IO.inspect(Enum.sort(got), label: "#{topic} '#{text}' reached (entries: #{n})")
end

publish.("sports", "goal!")
publish.("weather", "rain")
publish.("golf", "hole in one")

# unregister removes every entry of the key for the calling process.
IO.inspect(Registry.unregister(Topics, "sports"), label: "unregister sports (self)")
IO.inspect(values.("sports"), label: "sports after unregister")

# When an owner dies, its entries go away (asynchronously: poll until they have).
ref = Process.monitor(subs.cat)
Process.exit(subs.cat, :kill)
receive do: ({:DOWN, ^ref, _, _, _} -> :ok)

holders = fn ->
  for k <- ["sports", "weather"], {pid, _} <- Registry.lookup(Topics, k), do: pid
end

wait = fn wait -> if subs.cat in holders.(), do: wait.(wait) end
wait.(wait)
IO.inspect(values.("sports"), label: "sports after cat died")
IO.inspect(values.("weather"), label: "weather after cat died")
IO.inspect(Registry.keys(Topics, subs.cat), label: "keys of dead cat")
IO.inspect(Registry.count(Topics), label: "count at end")
publish.("weather", "sun")
