"""The branch's people: the staff register (who works here, with which roles) and the people rules
a checklist declares (who may inspect, who is checked, who signs)."""
