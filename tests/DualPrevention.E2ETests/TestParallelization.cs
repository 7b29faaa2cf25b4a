// One browser test class at a time: side by side, two hosts and two Chromiums on CI's two cores slow every page's
// circuit down; one at a time they have the machine a person's browser and server would have.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
