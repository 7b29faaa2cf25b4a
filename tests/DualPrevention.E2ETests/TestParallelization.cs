// One browser test class at a time. Side by side, two hosts and two Chromiums on CI's two cores left a page's
// interactive load unfinished after 30 s now and then (the to-do walk's hidden-danger page, stuck before its state or
// its upload field showed); one at a time they have the machine a person's browser and server would have.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
